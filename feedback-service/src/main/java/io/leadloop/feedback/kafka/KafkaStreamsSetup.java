package io.leadloop.feedback.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.leadloop.security.streams.CurrentStreamsStores;
import io.leadloop.security.streams.StreamsRunningHealth;
import io.leadloop.security.streams.ReplaceFailedStreamThreadsConfiguration;

/**
 * Turns on Kafka Streams (configured by Spring Boot from {@code spring.kafka.streams.*}) and the store reads that
 * let HTTP read its state stores.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import(ReplaceFailedStreamThreadsConfiguration.class)
class KafkaStreamsSetup {

    /**
     * Store reads, from the Streams client the factory bean holds now, are retried briefly, e.g. during a rebalance,
     * and then fail so an HTTP caller gets an answer quickly rather than a hanging request.
     */
    @Bean
    CurrentStreamsStores currentStreamsStores(StreamsBuilderFactoryBean factoryBean) {
        return new CurrentStreamsStores(factoryBean, 5, Duration.ofMillis(200));
    }

    /**
     * Health component {@code kafkaStreams}: before Streams runs the funnel cannot answer, and after an error it never
     * will, so a runner waiting for health waits for a service that can actually serve.
     */
    @Bean
    StreamsRunningHealth kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        return new StreamsRunningHealth(factoryBean);
    }

    /**
     * The Streams client properties, for configuring the Avro serdes of a topology: they carry
     * {@code schema.registry.url} and the other serde settings from {@code spring.kafka.properties.*}.
     */
    @Bean
    StreamsSerdeConfig streamsSerdeConfig(
            @Qualifier(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME) KafkaStreamsConfiguration streams) {
        Map<String, Object> configs = new HashMap<>();
        streams.asProperties().forEach((key, value) -> configs.put(key.toString(), value));
        return new StreamsSerdeConfig(configs);
    }
}
