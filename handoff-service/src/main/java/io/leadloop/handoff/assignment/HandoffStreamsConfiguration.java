package io.leadloop.handoff.assignment;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.leadloop.security.privacy.PersonKeysConfiguration;
import io.leadloop.security.streams.CurrentStreamsStores;
import io.leadloop.security.streams.StreamsRunningHealth;
import io.leadloop.security.streams.ReplaceFailedStreamThreadsConfiguration;

/**
 * Runs {@link HandoffTopology} in the Kafka Streams app Spring Boot configures from {@code spring.kafka.streams.*}
 * (application id, exactly-once, dead-letter handlers, state dir), and opens its stores to the HTTP API. The person
 * keys of {@link PersonKeysConfiguration} open sealed contacts for routing (the email's domain for account
 * ownership) and for the CRM connector.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import({PersonKeysConfiguration.class, ReplaceFailedStreamThreadsConfiguration.class})
class HandoffStreamsConfiguration {

    @Bean
    HandoffTopologyMarker handoffTopology(StreamsBuilder builder, KafkaStreamsConfiguration streamsConfig,
            HandoffRules rules, io.leadloop.schemas.privacy.PersonalData personalData,
            io.micrometer.core.instrument.MeterRegistry meters) {
        // The serdes read schema.registry.url & co. from the same client configs as the app itself.
        Map<String, Object> serdeConfig = new HashMap<>();
        streamsConfig.asProperties().forEach((key, value) -> serdeConfig.put(key.toString(), value));
        HandoffTopology.addTo(builder, rules, serdeConfig, personalData, meters);
        return new HandoffTopologyMarker();
    }

    /** Stands for the topology having been added to the builder before Kafka Streams starts. */
    record HandoffTopologyMarker() {
    }

    /**
     * Reads local stores from the current Streams client. A short retry rides over a rebalance; past it the API
     * answers 503 rather than hold a request thread.
     */
    @Bean
    CurrentStreamsStores currentStreamsStores(StreamsBuilderFactoryBean streams) {
        return new CurrentStreamsStores(streams, 5, Duration.ofMillis(200));
    }

    /** Health component {@code kafkaStreams}: healthy means handing off leads, what the local runner waits for. */
    @Bean
    StreamsRunningHealth kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new StreamsRunningHealth(streams);
    }
}
