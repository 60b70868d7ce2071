package io.leadloop.feedback.funnel;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import io.leadloop.events.FunnelNumbersChanged;
import io.leadloop.feedback.funnel.domain.Dimension;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.domain.NumbersKey;
import io.leadloop.security.streams.CurrentStreamsStores;

/**
 * Reads the funnel's state stores: what is known of a lead, and the numbers per dimension value summed over days.
 *
 * <p>The numbers come from a global store, the same on every instance. A lead is read from this instance's own
 * store: with more than one instance it may live on another one (routing that query is future work, see the
 * README).
 */
@Component
public class FunnelQueries {

    private final CurrentStreamsStores stores;

    FunnelQueries(CurrentStreamsStores stores) {
        this.stores = stores;
    }

    /** What is known of the lead, if any of its events has been seen. */
    public Optional<LeadFunnel> lead(String leadId) {
        return read(FunnelTopology.LEAD_FUNNELS_STORE, store -> Optional.ofNullable(store.<LeadFunnel>get(leadId)));
    }

    /**
     * Every value of the dimension with leads first captured within the days (inclusive; null = unbounded), its
     * numbers summed over those days, sorted by value.
     */
    public Map<String, FunnelNumbers> numbers(Dimension dimension, LocalDate from, LocalDate to) {
        return sum(NumbersKey.prefix(dimension), from, to);
    }

    /** One value's numbers over the days, empty when it has no leads in them. */
    public Optional<FunnelNumbers> numbers(Dimension dimension, String value, LocalDate from, LocalDate to) {
        return Optional.ofNullable(sum(NumbersKey.prefix(dimension, value), from, to).get(value));
    }

    /** From the global store: every instance holds all numbers, so any instance answers the same. */
    private Map<String, FunnelNumbers> sum(String prefix, LocalDate from, LocalDate to) {
        return read(FunnelTopology.NUMBERS_GLOBAL_STORE, store -> {
            Map<String, FunnelNumbers> sums = new TreeMap<>();
            try (KeyValueIterator<String, FunnelNumbersChanged> days = store.<FunnelNumbersChanged>prefixScan(prefix)) {
                while (days.hasNext()) {
                    KeyValue<String, FunnelNumbersChanged> day = days.next();
                    NumbersKey key = NumbersKey.parse(day.key);
                    if ((from == null || !key.day().isBefore(from)) && (to == null || !key.day().isAfter(to))) {
                        sums.merge(key.value(), NumbersPublished.toNumbers(day.value), FunnelNumbers::plus);
                    }
                }
            }
            sums.values().removeIf(FunnelNumbers::addsNothing);
            return sums;
        });
    }

    private interface StoreRead<R> {
        R from(Store store);
    }

    /** A typed view of a String-keyed store. */
    private record Store(ReadOnlyKeyValueStore<String, Object> store) {
        @SuppressWarnings("unchecked")
        <V> V get(String key) {
            return (V) store.get(key);
        }

        @SuppressWarnings("unchecked")
        <V> KeyValueIterator<String, V> prefixScan(String prefix) {
            return (KeyValueIterator<String, V>) (KeyValueIterator<String, ?>) store.prefixScan(prefix,
                    new StringSerializer());
        }
    }

    /**
     * Both finding the store and reading it fail while Kafka Streams is not RUNNING; read from the client the factory
     * bean holds now ({@link CurrentStreamsStores}), so a restarted client is followed.
     */
    private <R> R read(String storeName, StoreRead<R> read) {
        try {
            return stores.read(storeName, (ReadOnlyKeyValueStore<String, Object> store) -> read.from(new Store(store)));
        } catch (InvalidStateStoreException notQueryable) {
            throw new FunnelNotReady(notQueryable);
        }
    }
}
