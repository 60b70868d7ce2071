package io.leadloop.intake.identity;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Intake is ready only once its identity stores are restored: before that it could not recognise a repeat, and
 * answers 503. So health says DOWN until Kafka Streams runs.
 */
@Component("identityStores")
class IdentityStoresHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    IdentityStoresHealthIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = kafkaStreams.state();
        boolean ready = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return (ready ? Health.up() : Health.down()).withDetail("state", state.name()).build();
    }
}
