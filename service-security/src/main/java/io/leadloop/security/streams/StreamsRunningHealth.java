package io.leadloop.security.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * UP only while the service's Kafka Streams client is RUNNING or REBALANCING; NOT_STARTED, CREATED, PENDING_ERROR,
 * ERROR and the shutdown states are DOWN, with the state as a detail. A service that reads its state stores can
 * answer only then, so this is what the local runner and an orchestrator's readiness probe wait for.
 *
 * <p>Reads the client the factory bean holds now (a restarted client is a new object, see
 * {@link CurrentStreamsStores}). Each service declares it as a bean whose name gives the health component's name.
 */
public final class StreamsRunningHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean factoryBean;

    public StreamsRunningHealth(StreamsBuilderFactoryBean factoryBean) {
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
