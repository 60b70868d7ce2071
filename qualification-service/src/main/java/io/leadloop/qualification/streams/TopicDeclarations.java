package io.leadloop.qualification.streams;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.leadloop.schemas.TopicRetention;
import io.leadloop.schemas.Topics;

/**
 * Every topic this service reads or writes, and the dead-letter topic of each one it reads. Declared here because
 * the services start in any order and the broker does not auto-create topics; Spring's {@code KafkaAdmin} creates
 * the missing ones before Kafka Streams starts.
 */
@Configuration(proxyBeanMethods = false)
class TopicDeclarations {

    private final TopicProperties topics;

    TopicDeclarations(TopicProperties topics) {
        this.topics = topics;
    }

    @Bean
    KafkaAdmin.NewTopics qualificationTopics() {
        return new KafkaAdmin.NewTopics(
                declare(Topics.LEADS_CAPTURED.name()),
                declare(Topics.LEADS_CAPTURED.deadLetter()),
                declare(Topics.LEADS_SCORED.name()),
                declare(Topics.LEADS_HANDED_OFF.name()),
                declare(Topics.LEADS_HANDED_OFF.deadLetter()),
                declare(Topics.FEEDBACK_RECORDED.name()),
                declare(Topics.FEEDBACK_RECORDED.deadLetter()),
                declare(Topics.PERSONS_ERASED.name()),
                declare(Topics.PERSONS_ERASED.deadLetter()),
                // The latest value of every model parameter is all that matters: compacted, kept forever.
                TopicBuilder.name(QualificationTopology.MODEL_TOPIC).partitions(topics.partitions())
                        .replicas(topics.replicationFactor()).compact().build(),
                // The latest state per definition version is its state; every event carries the whole state.
                TopicBuilder.name(Topics.LEAD_DEFINITIONS.name()).partitions(topics.partitions())
                        .replicas(topics.replicationFactor()).compact().build());
    }

    private NewTopic declare(String name) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .configs(TopicRetention.configsFor(name)).build();
    }
}
