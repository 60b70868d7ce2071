package io.leadloop.feedback.crm.hubspot;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import io.leadloop.feedback.FeedbackProperties;
import io.leadloop.feedback.funnel.FunnelNotReady;
import io.leadloop.feedback.kafka.TopicProperties;
import io.leadloop.feedback.recording.PublishFailed;
import io.leadloop.security.streams.CurrentStreamsStores;

/**
 * Which HubSpot deal is which lead: learned from changes of the deal's lead-id property, kept in a compacted topic
 * (deal id → lead id, internal to this service like a changelog) and read back through a Kafka Streams store of the
 * service's Streams app, so the links survive restarts and every instance learns them.
 */
@Configuration(proxyBeanMethods = false)
class HubSpotDealLinks {

    static final String TOPIC = "leadloop-feedback-hubspot-deal-links";
    static final String STORE = "hubspot-deal-links";
    /** Deal properties (amount, currency, stage) by {@code <dealId>/<property>}: what a stage change lacks. */
    static final String PROPERTIES_TOPIC = "leadloop-feedback-hubspot-deal-properties";
    static final String PROPERTIES_STORE = "hubspot-deal-properties";

    @Bean
    NewTopic hubSpotDealLinksTopic(TopicProperties topics) {
        return TopicBuilder.name(TOPIC).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    @Bean
    NewTopic hubSpotDealPropertiesTopic(TopicProperties topics) {
        return TopicBuilder.name(PROPERTIES_TOPIC).partitions(topics.partitions()).replicas(topics.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    @Bean
    KTable<String, String> hubSpotDealPropertiesTable(StreamsBuilder builder) {
        return builder.table(PROPERTIES_TOPIC,
                Consumed.with(Serdes.String(), Serdes.String()).withName("read-" + PROPERTIES_TOPIC),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(PROPERTIES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
    }

    @Bean
    KTable<String, String> hubSpotDealLinksTable(StreamsBuilder builder) {
        return builder.table(TOPIC, Consumed.with(Serdes.String(), Serdes.String()).withName("read-" + TOPIC),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.String()));
    }

    @Bean
    Links hubSpotLinks(ProducerFactory<?, ?> producers, CurrentStreamsStores stores, FeedbackProperties properties) {
        var strings = new DefaultKafkaProducerFactory<>(producers.getConfigurationProperties(),
                new StringSerializer(), new StringSerializer());
        return new Links(new KafkaTemplate<>(strings), stores, properties);
    }

    /** Remembers and looks up links. */
    static class Links {

        private final KafkaTemplate<String, String> kafka;
        private final CurrentStreamsStores stores;
        private final FeedbackProperties properties;

        Links(KafkaTemplate<String, String> kafka, CurrentStreamsStores stores, FeedbackProperties properties) {
            this.kafka = kafka;
            this.stores = stores;
            this.properties = properties;
        }

        void remember(long dealId, String leadId) {
            send(TOPIC, Long.toString(dealId), leadId);
        }

        /** A null value forgets the property (a tombstone in the compacted topic). */
        void rememberProperty(long dealId, String property, String value) {
            send(PROPERTIES_TOPIC, dealId + "/" + property, value);
        }

        Optional<String> propertyOf(long dealId, String property) {
            return get(PROPERTIES_STORE, dealId + "/" + property);
        }

        private void send(String topic, String key, String value) {
            try {
                kafka.send(topic, key, value)
                        .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new PublishFailed("Kafka refused the HubSpot deal " + key + ": " + e.getCause().getMessage(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new PublishFailed("Kafka did not acknowledge the HubSpot deal " + key + " in time", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailed("Interrupted while linking a HubSpot deal", e);
            }
        }

        Optional<String> leadOf(long dealId) {
            return get(STORE, Long.toString(dealId));
        }

        private Optional<String> get(String store, String key) {
            try {
                return Optional.ofNullable(
                        stores.read(store, (ReadOnlyKeyValueStore<String, String> links) -> links.get(key)));
            } catch (InvalidStateStoreException notQueryable) {
                throw new FunnelNotReady(notQueryable);
            }
        }
    }
}
