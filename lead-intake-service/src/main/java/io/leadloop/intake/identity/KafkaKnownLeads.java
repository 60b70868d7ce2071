package io.leadloop.intake.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
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
 *
 * <p>The store is read from the Streams client the factory bean holds <em>now</em>, not through Spring Kafka's
 * {@code KafkaStreamsInteractiveQueryService}: that service keeps the first {@link KafkaStreams} it was given for
 * good, so once the client was restarted ({@link IdentityStoresRecovery}, or Spring's test framework pausing and
 * resuming a cached context) it went on querying the closed one — {@code KafkaStreams is not running. State is
 * NOT_RUNNING} — and intake answered 503 to every lead while its health said UP.
 */
@Component
class KafkaKnownLeads implements KnownLeads {

    static final String STORE = "intake-known-leads";

    private final StreamsBuilderFactoryBean streams;
    private final PersonKeyLookup personKeys;
    private final RecentlyRemembered recentDeliveries = new RecentlyRemembered(10_000);
    private final RecentlyRemembered recentPeople = new RecentlyRemembered(10_000);
    private volatile Handle handle;

    /** A store handle and the Streams client it came from: a handle of a client since replaced is not used. */
    private record Handle(KafkaStreams client, ReadOnlyKeyValueStore<String, String> store) {
    }

    KafkaKnownLeads(StreamsBuilderFactoryBean streams, PersonKeyRing personKeys) {
        this.streams = streams;
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
     * ({@link IdentityStoresRecovery}): it then belongs to a client the factory bean no longer holds, or the read
     * fails with {@link InvalidStateStoreException}; either way it is retrieved again from the current client.
     */
    private String read(String key) {
        KafkaStreams client = streams.getKafkaStreams();
        Handle current = handle;
        if (current != null && current.client() == client) {
            try {
                return current.store().get(key);
            } catch (InvalidStateStoreException stale) {
                handle = null;
            }
        }
        if (client == null) {
            throw new KnownLeadsUnavailableException(STORE, new IllegalStateException("Kafka Streams is not started"));
        }
        try {
            ReadOnlyKeyValueStore<String, String> store = client.store(
                    StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
            String value = store.get(key);
            handle = new Handle(client, store);
            return value;
        } catch (RuntimeException notReady) {
            throw new KnownLeadsUnavailableException(STORE, notReady);
        }
    }
}
