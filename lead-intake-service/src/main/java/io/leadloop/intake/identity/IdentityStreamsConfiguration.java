package io.leadloop.intake.identity;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

import io.leadloop.intake.IntakeProperties;

/**
 * Every intake instance reads both identity topics in full into global stores: lookups on the request path are
 * local reads, and a new instance knows everything the others took once it has restored.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class IdentityStreamsConfiguration {

    @Bean
    GlobalKTable<String, String> deliveries(StreamsBuilder builder) {
        return builder.globalTable(IdentityTopics.DELIVERIES, Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.as(KafkaKnownLeads.DELIVERIES_STORE));
    }

    @Bean
    GlobalKTable<String, String> people(StreamsBuilder builder) {
        return builder.globalTable(IdentityTopics.PEOPLE, Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.as(KafkaKnownLeads.PEOPLE_STORE));
    }

    @Bean
    KafkaStreamsInteractiveQueryService kafkaStreamsInteractiveQueryService(StreamsBuilderFactoryBean streams) {
        return new KafkaStreamsInteractiveQueryService(streams);
    }

    @Bean
    NewTopic deliveriesTopic(IntakeProperties properties) {
        var topic = new NewTopic(IdentityTopics.DELIVERIES, properties.topics().partitions(),
                properties.topics().replicationFactor());
        return topic.configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.deliveryMemory().toMillis())));
    }

    @Bean
    NewTopic peopleTopic(IntakeProperties properties) {
        return new NewTopic(IdentityTopics.PEOPLE, properties.topics().partitions(), properties.topics().replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
