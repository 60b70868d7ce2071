package io.leadloop.intake.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import io.leadloop.schemas.privacy.PersonKeyLookup;
import io.leadloop.schemas.privacy.PersonKeyRing;

/**
 * {@link KnownLeads} kept in Kafka: every intake instance reads {@code leads.captured.v1} into a global store
 * (see {@link KnownLeadsUpdater}), so any instance recognises what any other took, across restarts.
 *
 * <p>Between an acknowledgement and the global store catching up (milliseconds), this instance answers from what
 * it just published ({@link RecentlyRemembered}). Two instances taking the same delivery within that window both
 * publish the same deterministic ids (see {@link DeliveryKeys}), which consumers treat as one.
 */
@Component
class KafkaKnownLeads implements KnownLeads {

    static final String STORE = "intake-known-leads";

    private final KafkaStreamsInteractiveQueryService stores;
    private final PersonKeyLookup personKeys;
    private final RecentlyRemembered recentDeliveries = new RecentlyRemembered(10_000);
    private final RecentlyRemembered recentPeople = new RecentlyRemembered(10_000);
    private volatile ReadOnlyKeyValueStore<String, String> handle;

    KafkaKnownLeads(KafkaStreamsInteractiveQueryService stores, PersonKeyRing personKeys) {
        this.stores = stores;
        this.personKeys = personKeys;
    }

    @Override
    public Optional<String> leadOfDelivery(String deliveryKey) {
        return recentDeliveries.get(deliveryKey).or(() -> Optional.ofNullable(
                read(KnownLeadsUpdater.DELIVERY_PREFIX + DeliveryKeys.eventIdFor(deliveryKey))));
    }

    @Override
    public Optional<KnownPerson> personOf(List<String> personKeys) {
        return personKeys.stream()
                .flatMap(key -> Stream.of(recentPeople.get(key).orElse(null),
                        read(KnownLeadsUpdater.PERSON_PREFIX + key)))
                .filter(Objects::nonNull).map(KnownPerson::parse)
                .filter(this::notErased)
                .max(Comparator.comparingInt(KnownPerson::touches));
    }

    @Override
    public void remember(String deliveryKey, List<String> personKeys, KnownPerson person) {
        recentDeliveries.put(deliveryKey, person.leadId());
        personKeys.forEach(key -> recentPeople.put(key, person.format()));
    }

    /**
     * An erased person's key is shredded: their entries here are dead (a new submission is a new person), and a
     * store rebuilt from the topic no longer has them at all (see {@link KnownLeadsUpdater}).
     */
    private boolean notErased(KnownPerson person) {
        return person.keyId() == null || personKeys.key(person.keyId()).isPresent();
    }

    /**
     * Reads through the store handle kept from the last lookup. Retrieving it per read (Spring's query service
     * asks Kafka Streams for its metadata and wraps the store anew each time) was 13 % of intake's CPU under load
     * (bench/results/20261123-intake-profile.md). A handle goes stale when the Streams client is restarted
     * ({@link IdentityStoresRecovery}): the read then fails with {@link InvalidStateStoreException}, and is tried
     * once more with a fresh handle.
     */
    private String read(String key) {
        ReadOnlyKeyValueStore<String, String> store = handle;
        if (store != null) {
            try {
                return store.get(key);
            } catch (InvalidStateStoreException stale) {
                handle = null;
            }
        }
        try {
            store = stores.retrieveQueryableStore(STORE, QueryableStoreTypes.keyValueStore());
            String value = store.get(key);
            handle = store;
            return value;
        } catch (RuntimeException notReady) {
            throw new KnownLeadsUnavailableException(STORE, notReady);
        }
    }
}
