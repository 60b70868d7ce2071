package io.leadloop.qualification.streams;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

import io.leadloop.qualification.QualificationProperties;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the stream app: Spring Boot builds the Kafka Streams config from {@code spring.kafka.streams.*} (plus
 * {@code spring.kafka.properties.*}, where the registry URL lives); we add the topology to its
 * {@link StreamsBuilder} and the interactive-query service the HTTP API reads the stores through.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class QualificationStreamsConfiguration {

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
                personalData);
        topology.addTo(builder);
        return topology;
    }

    @Bean
    KafkaStreamsInteractiveQueryService kafkaStreamsInteractiveQueryService(StreamsBuilderFactoryBean streams) {
        return new KafkaStreamsInteractiveQueryService(streams);
    }

    private static Map<String, Object> clientConfig(KafkaStreamsConfiguration streamsConfig) {
        Map<String, Object> config = new HashMap<>();
        streamsConfig.asProperties().forEach((key, value) -> config.put(key.toString(), value));
        return config;
    }
}
