package io.leadloop.intake.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.schemas.TopicRetention;
import io.leadloop.schemas.Topics;

/** The topics intake writes, created at start-up when absent (the broker does not auto-create topics). */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

    @Bean
    NewTopic leadsCapturedTopic(IntakeProperties properties) {
        return new NewTopic(Topics.LEADS_CAPTURED.name(), properties.topics().partitions(),
                properties.topics().replicationFactor())
                .configs(TopicRetention.configsFor(Topics.LEADS_CAPTURED.name()));
    }
}
