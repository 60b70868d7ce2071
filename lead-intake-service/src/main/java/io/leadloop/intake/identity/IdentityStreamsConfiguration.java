package io.leadloop.intake.identity;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.schemas.privacy.PersonalData;
import io.leadloop.schemas.serde.AvroSerde;
import io.leadloop.security.streams.CurrentStreamsStores;
import io.leadloop.security.streams.StreamsRunningHealth;

/**
 * Every intake instance reads {@code leads.captured.v1} in full into a global store of known deliveries and
 * people: lookups on the request path are local reads, and a new instance knows everything the others took once
 * it has restored (from its local copy plus what is new on the topic).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class IdentityStreamsConfiguration {

    @Bean
    StoreBuilder<KeyValueStore<String, String>> knownLeadsStore(StreamsBuilder builder,
            @Qualifier(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME) KafkaStreamsConfiguration config,
            PersonKeyRing personKeys) {
        // Global stores restore from their source topic: no changelog of their own.
        StoreBuilder<KeyValueStore<String, String>> store = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(KafkaKnownLeads.STORE), Serdes.String(), Serdes.String())
                .withLoggingDisabled();
        Map<String, Object> clientConfig = new HashMap<>();
        config.asProperties().forEach((key, value) -> clientConfig.put(key.toString(), value));
        builder.addGlobalStore(store, Topics.LEADS_CAPTURED.name(),
                Consumed.with(Serdes.String(), AvroSerde.forValuesOf(Topics.LEADS_CAPTURED, clientConfig)),
                () -> new KnownLeadsUpdater(KafkaKnownLeads.STORE, new PersonalData(personKeys)));
        return store;
    }

    /** The identity stores, read from whichever client the factory bean holds now (see {@link KafkaKnownLeads}). */
    @Bean
    CurrentStreamsStores currentIdentityStores(StreamsBuilderFactoryBean streams) {
        return new CurrentStreamsStores(streams);
    }

    /**
     * Health component {@code identityStores}: intake is ready only once its identity stores are restored; before
     * that it could not recognise a repeat, and answers 503.
     */
    @Bean
    StreamsRunningHealth identityStoresHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new StreamsRunningHealth(streams);
    }
}
