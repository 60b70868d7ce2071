package io.leadloop.handoff;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

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

    private static NewTopic topic(String name, TopicProperties topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
