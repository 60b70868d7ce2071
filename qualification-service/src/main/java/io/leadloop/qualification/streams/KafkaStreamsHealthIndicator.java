package io.leadloop.qualification.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * UP only while the stream app is RUNNING or REBALANCING, so "healthy" means "scoring leads and answering
 * queries" — what the local runner and an orchestrator's readiness probe wait for. A stream thread that died
 * (ERROR) or an app shutting down is DOWN.
 */
@Component
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
        Health.Builder health = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
                ? Health.up()
                : Health.down();
        return health.withDetail("state", state.name()).build();
    }
}
