package io.leadloop.feedback.kafka;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * UP only while Kafka Streams is RUNNING or REBALANCING: before that the funnel cannot answer, and after an error
 * it never will, so a runner waiting for health waits for a service that can actually serve.
 */
@Component("kafkaStreams")
class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factoryBean;

    KafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factoryBean.getKafkaStreams();
        if (streams == null) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        boolean serving = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        return (serving ? Health.up() : Health.down()).withDetail("state", state.name()).build();
    }
}
