package io.leadloop.intake.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * {@link KnownLeads} kept in Kafka: two compacted topics, each read by every intake instance into a Kafka Streams
 * global store, so any instance recognises what any other took, and nothing is lost on restart.
 *
 * <p>A tiny window remains where two instances take the same delivery at once; both then publish the same
 * deterministic ids (see {@link DeliveryKeys}), which consumers treat as one.
 */
@Component
class KafkaKnownLeads implements KnownLeads, DisposableBean {

    static final String DELIVERIES_STORE = "intake-deliveries";
    static final String PEOPLE_STORE = "intake-people";

    private final KafkaStreamsInteractiveQueryService stores;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final RecentlyRemembered recentDeliveries = new RecentlyRemembered(10_000);
    private final RecentlyRemembered recentPeople = new RecentlyRemembered(10_000);

    KafkaKnownLeads(KafkaStreamsInteractiveQueryService stores, KafkaProperties kafkaProperties) {
        this.stores = stores;
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
        this.kafka = new KafkaTemplate<>(producers);
    }

    @Override
    public Optional<String> leadOfDelivery(String deliveryKey) {
        return recentDeliveries.get(deliveryKey).or(() -> Optional.ofNullable(store(DELIVERIES_STORE).get(deliveryKey)));
    }

    @Override
    public Optional<KnownPerson> personOf(List<String> personKeys) {
        ReadOnlyKeyValueStore<String, String> people = store(PEOPLE_STORE);
        return personKeys.stream()
                .flatMap(key -> java.util.stream.Stream.of(recentPeople.get(key).orElse(null), people.get(key)))
                .filter(Objects::nonNull).map(KnownPerson::parse)
                .max(Comparator.comparingInt(KnownPerson::touches));
    }

    @Override
    public CompletableFuture<Void> remember(String deliveryKey, List<String> personKeys, KnownPerson person) {
        var sends = new ArrayList<CompletableFuture<?>>();
        sends.add(kafka.send(IdentityTopics.DELIVERIES, deliveryKey, person.leadId()));
        for (String key : personKeys) {
            sends.add(kafka.send(IdentityTopics.PEOPLE, key, person.format()));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).thenRun(() -> {
            recentDeliveries.put(deliveryKey, person.leadId());
            personKeys.forEach(key -> recentPeople.put(key, person.format()));
        });
    }

    private ReadOnlyKeyValueStore<String, String> store(String name) {
        try {
            return stores.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
        } catch (RuntimeException notReady) {
            throw new KnownLeadsUnavailableException(name, notReady);
        }
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
