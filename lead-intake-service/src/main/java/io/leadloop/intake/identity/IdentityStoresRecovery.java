package io.leadloop.intake.identity;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.stereotype.Component;

/**
 * Restarts the identity stores' Kafka Streams client when it dies. A global store whose local copy no longer
 * matches its topic (say, the topic was recreated) makes Kafka Streams wipe the local copy and stop; a restart
 * then restores it from the topic. Without this, intake would answer 503 until someone restarted it.
 */
@Component
class IdentityStoresRecovery implements StreamsBuilderFactoryBeanConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IdentityStoresRecovery.class);

    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("identity-stores-recovery").daemon().unstarted(runnable));

    @Override
    public void configure(StreamsBuilderFactoryBean factoryBean) {
        factoryBean.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.ERROR) {
                log.warn("Identity stores' Kafka Streams client failed (was {}); restarting it in 2 s", oldState);
                restarts.schedule(() -> restart(factoryBean), 2, TimeUnit.SECONDS);
            }
        });
    }

    private static void restart(StreamsBuilderFactoryBean factoryBean) {
        try {
            factoryBean.stop();
            factoryBean.start();
            log.info("Identity stores' Kafka Streams client restarted");
        } catch (RuntimeException e) {
            log.error("Could not restart the identity stores' Kafka Streams client", e);
        }
    }

    @Override
    public void destroy() {
        restarts.shutdownNow();
    }
}
