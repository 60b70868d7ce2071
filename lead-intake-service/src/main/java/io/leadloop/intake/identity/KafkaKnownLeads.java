package io.leadloop.intake.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import io.leadloop.schemas.privacy.PersonKeyLookup;
import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.security.streams.CurrentStreamsStores;

/**
 * {@link KnownLeads} kept in Kafka: every intake instance reads {@code leads.captured.v1} into a global store
 * (see {@link KnownLeadsUpdater}), so any instance recognises what any other took, across restarts.
 *
 * <p>Between an acknowledgement and the global store catching up (milliseconds), this instance answers from what
 * it just published ({@link RecentlyRemembered}). Two instances taking the same delivery within that window both
 * publish the same deterministic ids (see {@link DeliveryKeys}), which consumers treat as one.
 *
 * <p>The store is read through {@link CurrentStreamsStores}: from the Streams client the factory bean holds
 * <em>now</em>, so lookups follow a client {@link IdentityStoresRecovery} restarted (Spring Kafka's query service
 * went on asking the closed one, and intake answered 503 to every lead while its health said UP), and with the
 * store's handle kept between lookups (retrieving it per read was 13 % of intake's CPU under load).
 */
@Component
class KafkaKnownLeads implements KnownLeads {

    static final String STORE = "intake-known-leads";

    private final CurrentStreamsStores stores;
    private final PersonKeyLookup personKeys;
    private final RecentlyRemembered recentDeliveries = new RecentlyRemembered(10_000);
    private final RecentlyRemembered recentPeople = new RecentlyRemembered(10_000);

    KafkaKnownLeads(CurrentStreamsStores stores, PersonKeyRing personKeys) {
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

    /** Not retried here: the sender gets a 503 at once and retries the whole request (Retry-After). */
    private String read(String key) {
        try {
            return stores.read(STORE, (ReadOnlyKeyValueStore<String, String> store) -> store.get(key));
        } catch (InvalidStateStoreException notReady) {
            throw new KnownLeadsUnavailableException(STORE, notReady);
        }
    }
}
