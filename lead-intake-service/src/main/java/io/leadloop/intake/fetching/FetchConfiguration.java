package io.leadloop.intake.fetching;

import java.util.HashMap;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.lead.InvalidLeadException;
import io.leadloop.intake.sources.UnknownSourceException;

/**
 * The durable fetch: the notification topic, the container that consumes it, and Spring Kafka's non-blocking
 * retries around it.
 *
 * <p>Retry topics (rather than blocking retries in the consumer) because a platform outage can last minutes: the
 * failing notification moves to {@code intake.lead-notifications.v1-retry-<n>} with an exponentially growing due
 * time and the main topic keeps flowing. Retry topics give up per-key order, which is fine here: per-lead order
 * does not matter for fetches (each notification is one read-only fetch of one lead, and a lead captured twice is
 * recognised as a repeat by its platform lead id). After the last attempt the notification is parked on
 * {@code intake.lead-notifications.v1-dlt} with the exception, its message and stack trace in the headers
 * (Spring's defaults). An invalid lead, an unknown source or a lead the platform says does not exist goes there
 * at once, since retrying cannot change it.
 */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

    static final String CONTAINER_FACTORY = "leadFetchContainerFactory";

    @Bean
    NewTopic leadNotificationsTopic(IntakeProperties properties) {
        return new NewTopic(FetchTopics.LEAD_NOTIFICATIONS, properties.topics().partitions(),
                properties.topics().replicationFactor())
                .configs(io.leadloop.schemas.TopicRetention.configsFor(FetchTopics.LEAD_NOTIFICATIONS));
    }

    /**
     * String keys and values whatever the service's default deserializers are, the earliest offset for a new group
     * (a notification queued before the first start must still be fetched), and a commit after each record once it
     * was captured (or forwarded to a retry topic).
     */
    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> leadFetchContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> consumerFactory) {
        var config = new HashMap<>(consumerFactory.getConfigurationProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, new DefaultKafkaConsumerFactory<>(config));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    @Bean
    RetryTopicConfiguration leadFetchRetries(FetchQueue queue, FetchProperties properties,
            IntakeProperties intake, ConcurrentKafkaListenerContainerFactory<Object, Object> leadFetchContainerFactory) {
        FetchProperties.Retry retry = properties.retry();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(FetchTopics.LEAD_NOTIFICATIONS)
                .maxAttempts(retry.attempts())
                .exponentialBackoff(retry.initialDelay().toMillis(), retry.multiplier(), retry.maxDelay().toMillis())
                .notRetryOn(List.of(InvalidLeadException.class, LeadNotFetchableException.class,
                        UnknownSourceException.class))
                .traversingCauses()
                .autoCreateTopicsWith(intake.topics().partitions(), intake.topics().replicationFactor())
                .listenerFactory(leadFetchContainerFactory)
                .create(queue.template());
    }
}
