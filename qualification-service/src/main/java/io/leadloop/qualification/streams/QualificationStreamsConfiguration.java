package io.leadloop.qualification.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.leadloop.qualification.QualificationProperties;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.security.privacy.PersonKeysConfiguration;
import io.leadloop.security.streams.CurrentStreamsStores;
import io.leadloop.security.streams.StreamsRunningHealth;
import io.leadloop.security.streams.ReplaceFailedStreamThreadsConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the stream app: Spring Boot builds the Kafka Streams config from {@code spring.kafka.streams.*} (plus
 * {@code spring.kafka.properties.*}, where the registry URL lives); we add the topology to its
 * {@link StreamsBuilder} and the {@link CurrentStreamsStores} the HTTP API reads the stores through. Scoring opens
 * sealed contacts (the email's domain and the job title are scored) with the person keys of
 * {@link PersonKeysConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import({PersonKeysConfiguration.class, ReplaceFailedStreamThreadsConfiguration.class})
class QualificationStreamsConfiguration {

    /** A read forwarded to another instance is a store lookup there: seconds mean that instance is in trouble. */
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    LeadDefinition leadDefinition(QualificationProperties properties) {
        return properties.scoring().toLeadDefinition();
    }

    /** When a lead was scored; a bean so tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    QualificationTopology qualificationTopology(StreamsBuilder builder,
            @Qualifier(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME) KafkaStreamsConfiguration streamsConfig,
            LeadDefinition definition, Clock clock, MeterRegistry meters, QualificationProperties properties,
            io.leadloop.schemas.privacy.PersonalData personalData) {
        var topology = new QualificationTopology(definition, properties.scoring().freeMailDomains(),
                QualificationSerdes.from(clientConfig(streamsConfig)), clock, meters, properties.learning(),
                properties.captures(), properties.rescoring(), personalData);
        topology.addTo(builder);
        return topology;
    }

    /** Where the other instances are; {@code application.server} (host:port of this one's HTTP API) when shared. */
    @Bean
    StreamsInstances streamsInstances(StreamsBuilderFactoryBean streams,
            @Qualifier(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME) KafkaStreamsConfiguration streamsConfig) {
        return new StreamsInstances(streams::getKafkaStreams,
                streamsConfig.asProperties().getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG), FORWARD_TIMEOUT,
                QualificationStreamsConfiguration::callerCredentials);
    }

    /** The current request's credentials, so a forwarded read is checked as the caller's own. */
    private static Map<String, String> callerCredentials() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Map.of();
        }
        Map<String, String> credentials = new HashMap<>();
        for (String header : List.of(HttpHeaders.AUTHORIZATION, "X-API-Key")) {
            String value = attributes.getRequest().getHeader(header);
            if (value != null) {
                credentials.put(header, value);
            }
        }
        return credentials;
    }

    /**
     * Reads stores from the current Streams client. A read is retried briefly (a rebalance usually ends within a
     * second); past that the API answers 503 rather than hold a request thread.
     */
    @Bean
    CurrentStreamsStores currentStreamsStores(StreamsBuilderFactoryBean streams) {
        return new CurrentStreamsStores(streams, 5, Duration.ofMillis(200));
    }

    /** Health component {@code kafkaStreams}: healthy means scoring leads and answering queries. */
    @Bean
    StreamsRunningHealth kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new StreamsRunningHealth(streams);
    }

    private static Map<String, Object> clientConfig(KafkaStreamsConfiguration streamsConfig) {
        Map<String, Object> config = new HashMap<>();
        streamsConfig.asProperties().forEach((key, value) -> config.put(key.toString(), value));
        return config;
    }
}
