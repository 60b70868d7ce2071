package io.leadloop.feedback.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.config.TopicBuilder;

import io.leadloop.schemas.Topic;
import io.leadloop.schemas.TopicRetention;
import io.leadloop.schemas.Topics;

/**
 * Declares every topic this service reads or writes, and the dead-letter topic of each one it reads, because the
 * services start in any order and the broker does not create topics by itself.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackTopics {

    /** The funnel reads all four; feedback.recorded.v1 is also what the API writes. */
    static final List<Topic<?>> READ = List.of(Topics.LEADS_CAPTURED, Topics.LEADS_SCORED, Topics.LEADS_HANDED_OFF,
            Topics.FEEDBACK_RECORDED);

    @Bean
    KafkaAdmin.NewTopics feedbackServiceTopics(TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : READ) {
            topics.add(declare(topic.name(), properties));
            topics.add(declare(topic.deadLetter(), properties));
        }
        // The latest numbers per key are the state marketing tools read: compaction keeps exactly that.
        topics.add(TopicBuilder.name(Topics.FUNNEL_NUMBERS.name())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .compact()
                .build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic declare(String name, TopicProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .configs(TopicRetention.configsFor(name))
                .build();
    }
}
