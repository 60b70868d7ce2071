package io.leadloop.security.streams;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Reads a service's Kafka Streams state stores from the client its {@link StreamsBuilderFactoryBean} holds
 * <em>now</em>: what every service's HTTP reads go through.
 *
 * <p>Why not Spring Kafka's {@code KafkaStreamsInteractiveQueryService}: it keeps the first {@link KafkaStreams} it
 * was given for good. Whenever the factory bean is stopped and started (intake's {@code IdentityStoresRecovery}, an
 * operator's restart through the lifecycle, Spring's test framework pausing and resuming a cached context) it
 * creates a new client, and the query service went on asking the closed one — {@code KafkaStreams is not running.
 * State is NOT_RUNNING} — so every read answered 503 for good while health, which asks the current client, said UP.
 *
 * <p>A store's handle is kept while its client is current: retrieving it per read (Kafka Streams looks the store up
 * and wraps it anew each time) was 13 % of intake's CPU under load (bench/results/20261123-intake-profile.md). A
 * handle resolves the store on every call, so it stays good across rebalances; after a failed read every handle
 * is looked up again anyway.
 *
 * <p>Every failure to read is an {@link InvalidStateStoreException} (not started yet, restarting, rebalancing,
 * restoring, the partition moved away): the one exception a service turns into its 503. A read may be retried a few
 * times first, to ride over a short rebalance without holding a request thread for long.
 */
public final class CurrentStreamsStores {

    private final StreamsBuilderFactoryBean factoryBean;
    private final RetryTemplate retries;
    private final Map<String, Handle> handles = new ConcurrentHashMap<>();

    /** A store handle and the client it came from: a handle of a client since replaced is not used. */
    private record Handle(KafkaStreams client, ReadOnlyKeyValueStore<?, ?> store) {
    }

    /** Reads fail at once when a store cannot be read (intake: the sender retries on 503). */
    public CurrentStreamsStores(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
        this.retries = null;
    }

    /**
     * A read that finds a store not readable is tried again up to {@code maxRetries} times, {@code delay} apart,
     * before its {@link InvalidStateStoreException} is thrown.
     */
    public CurrentStreamsStores(StreamsBuilderFactoryBean factoryBean, int maxRetries, Duration delay) {
        this.factoryBean = factoryBean;
        this.retries = new RetryTemplate(RetryPolicy.builder()
                .includes(InvalidStateStoreException.class).maxRetries(maxRetries).delay(delay).build());
    }

    /**
     * Applies {@code read} to the named key-value store, retried as configured: it may run more than once, so it
     * must change nothing outside itself (collect into what it creates and returns).
     *
     * @throws InvalidStateStoreException when the store cannot be read now
     */
    public <K, V, R> R read(String storeName, Function<ReadOnlyKeyValueStore<K, V>, R> read) {
        return read(() -> read.apply(keyValueStore(storeName)));
    }

    /**
     * Runs a read of several stores (each from {@link #keyValueStore}), retried as a whole as configured: it may run
     * more than once, so it must change nothing outside itself.
     *
     * @throws InvalidStateStoreException when a store cannot be read now
     */
    public <R> R read(Supplier<R> read) {
        return retries == null ? attempt(read) : retries.invoke(() -> attempt(read));
    }

    private <R> R attempt(Supplier<R> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException notReadable) {
            // A belt to the braces of handles that resolve per call: the next read looks every store up afresh.
            handles.clear();
            throw notReadable;
        }
    }

    /**
     * The named key-value store of the current client. Reading it may still fail with an
     * {@link InvalidStateStoreException} (say, a rebalance began since): read it within {@link #read(Supplier)}.
     *
     * @throws InvalidStateStoreException when the client is not started or cannot serve the store now
     */
    @SuppressWarnings("unchecked")
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String storeName) {
        KafkaStreams client = factoryBean.getKafkaStreams();
        if (client == null) {
            throw new StreamsNotStartedException(
                    "Kafka Streams is not started; store " + storeName + " cannot be read");
        }
        Handle handle = handles.get(storeName);
        if (handle == null || handle.client() != client) {
            handle = new Handle(client, client.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore())));
            handles.put(storeName, handle);
        }
        return (ReadOnlyKeyValueStore<K, V>) handle.store();
    }
}
