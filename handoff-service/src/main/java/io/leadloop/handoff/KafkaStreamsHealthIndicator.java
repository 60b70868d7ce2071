package io.leadloop.handoff;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * UP only while the Kafka Streams app is RUNNING or REBALANCING, so that "healthy" means "handing off leads" and
 * the local runner's health wait means "ready". CREATED (not started yet), PENDING_ERROR, ERROR and shutdown states
 * are DOWN.
 */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = kafkaStreams.state();
        boolean serving = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return (serving ? Health.up() : Health.down()).withDetail("state", state.name()).build();
    }
}
