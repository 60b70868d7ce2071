package io.leadloop.handoff;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.TopicBuilder;

import io.leadloop.handoff.assignment.HandoffTopology;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.TopicRetention;
import io.leadloop.schemas.Topics;

/**
 * Declares every topic this service reads or writes, and the dead-letter topic of each input, because the services
 * start in any order and the broker does not auto-create topics. Spring Kafka's {@code KafkaAdmin} creates missing
 * ones at startup and leaves existing ones alone.
 */
@Configuration(proxyBeanMethods = false)
class TopicDeclarations {

    @Bean
    NewTopic leadsScoredTopic(TopicProperties topics) {
        return topic(Topics.LEADS_SCORED.name(), topics);
    }

    @Bean
    NewTopic leadsScoredDeadLetterTopic(TopicProperties topics) {
        return topic(Topics.LEADS_SCORED.deadLetter(), topics);
    }

    @Bean
    NewTopic leadsHandedOffTopic(TopicProperties topics) {
        return topic(Topics.LEADS_HANDED_OFF.name(), topics);
    }

    @Bean
    NewTopic feedbackRecordedTopic(TopicProperties topics) {
        return topic(Topics.FEEDBACK_RECORDED.name(), topics);
    }

    @Bean
    NewTopic feedbackRecordedDeadLetterTopic(TopicProperties topics) {
        return topic(Topics.FEEDBACK_RECORDED.deadLetter(), topics);
    }

    /** Compacted: the latest change per rep is the roster; the global store reads it from the beginning. */
    @Bean
    NewTopic handoffRosterTopic(TopicProperties topics) {
        return TopicBuilder.name(Topics.HANDOFF_ROSTER.name()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).compact().build();
    }

    @Bean
    NewTopic slaRemindersTopic(TopicProperties topics) {
        return topic(Topics.LEADS_SLA_REMINDERS.name(), topics);
    }

    @Bean
    NewTopic slaBreachedTopic(TopicProperties topics) {
        return topic(Topics.LEADS_SLA_BREACHED.name(), topics);
    }

    @Bean
    NewTopic leadsEscalatedTopic(TopicProperties topics) {
        return topic(Topics.LEADS_ESCALATED.name(), topics);
    }

    @Bean
    NewTopic leadsRecycledTopic(TopicProperties topics) {
        return topic(Topics.LEADS_RECYCLED.name(), topics);
    }

    @Bean
    NewTopic leadsHandoffWithheldTopic(TopicProperties topics) {
        return topic(Topics.LEADS_HANDOFF_WITHHELD.name(), topics);
    }

    /**
     * A record the routing task cannot process is parked on its repartition topic's dead-letter topic (the
     * handler names the topic the record was read from); the repartition topics themselves are Kafka Streams'.
     */
    @Bean
    NewTopic routingScoredDeadLetterTopic(TopicProperties topics, KafkaStreamsConfiguration streams) {
        return topic(repartitionTopic(streams, HandoffTopology.ROUTING_SCORED) + Topic.DEAD_LETTER_SUFFIX, topics);
    }

    @Bean
    NewTopic personsErasedTopic(TopicProperties topics) {
        return topic(Topics.PERSONS_ERASED.name(), topics);
    }

    @Bean
    NewTopic personsErasedDeadLetterTopic(TopicProperties topics) {
        return topic(Topics.PERSONS_ERASED.deadLetter(), topics);
    }

    @Bean
    NewTopic routingErasedDeadLetterTopic(TopicProperties topics, KafkaStreamsConfiguration streams) {
        return topic(repartitionTopic(streams, HandoffTopology.ROUTING_ERASED) + Topic.DEAD_LETTER_SUFFIX, topics);
    }

    @Bean
    NewTopic routingFeedbackDeadLetterTopic(TopicProperties topics, KafkaStreamsConfiguration streams) {
        return topic(repartitionTopic(streams, HandoffTopology.ROUTING_FEEDBACK) + Topic.DEAD_LETTER_SUFFIX, topics);
    }

    private static String repartitionTopic(KafkaStreamsConfiguration streams, String name) {
        return streams.asProperties().getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + name + "-repartition";
    }

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .configs(TopicRetention.configsFor(name)).build();
    }
}
