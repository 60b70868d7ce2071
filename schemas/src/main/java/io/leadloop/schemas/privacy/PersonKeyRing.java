package io.leadloop.schemas.privacy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.SecretKey;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.events.PersonKeyCreated;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroDeserializer;

/**
 * Every person's data key, read from the compacted {@code privacy.person-keys.v1} by one consumer thread (assigned
 * every partition, no group, {@code read_committed}) into a {@link PersonKeyStore} on local disk.
 *
 * <p>Why a reader of our own rather than a Kafka Streams global store in each service: the keys are needed outside
 * stream processors too (HTTP views, the CRM connector), and a global store gives no ordering between its topic
 * and the lead topics, so a processor could meet a lead before its key and score it as if it had no email. Here a
 * miss waits until this reader has read up to the topic's end offsets <em>as of the miss</em>: intake writes the
 * key ({@code acks=all}) before the first event sealed with it, so after that wait a key still missing was
 * shredded, and is remembered as such (the last {@value #SHREDDED_REMEMBERED} of them, in the heap).
 *
 * <p>The keys themselves are on disk, not in the heap (issue 7: about 0.5 KB of heap per person kept intake from
 * starting with a small heap, and would be half a gigabyte per instance at a million people). The store is a
 * cache of the topic: it starts empty in a new directory under the base directory (by default
 * {@code java.io.tmpdir}) and is deleted on {@link #close()}.
 *
 * <p>The miss path (issue 7, session 15's profile): a waiting lookup is served by the reader's next round, which
 * takes the end offsets <em>before</em> it polls and checks every waiting target right after each poll. While
 * someone waits the reader polls briefly ({@value #SHORT_POLL_MS} ms), otherwise long ({@value #LONG_POLL_MS} ms);
 * a lookup wakes the consumer only when it sits in a long poll. The end offsets come from a second consumer on a
 * connection of its own, so that they never queue behind a fetch the broker is holding. The wait is bounded by {@code missWait} and fails
 * with {@link PersonKeysUnavailableException}; a broker outage only makes lookups fail meanwhile, the reader keeps
 * its positions and goes on once the broker is back (warning once, then at most once a minute).
 *
 * <p>{@link #stopReading()} and {@link #startReading()} pause the reader (its consumer closed, the keys kept) for
 * a Spring context that is stopped and started again; a lookup that misses while the reader is stopped fails at
 * once.
 */
public final class PersonKeyRing implements PersonKeyLookup, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyRing.class);
    private static final int SHREDDED_REMEMBERED = 100_000;

    private static final Duration COMPACTION_INTERVAL = Duration.ofMinutes(1);
    static final long SHORT_POLL_MS = 5;
    static final long LONG_POLL_MS = 200;
    /** More than the keys written in any fetch wait (~100 bytes a key), so that a batched fetch waits it out. */
    private static final int FETCH_BATCH_BYTES = 1024 * 1024;
    /** Bounds a metadata or offsets call, so that a broker that never answers still lets the loop go round. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /** How often the reader looks for a keys topic that does not exist yet, unless a lookup asks sooner. */
    private static final Duration NO_TOPIC_RECHECK = Duration.ofMillis(200);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private final PersonKeyStore keys;
    private final Set<String> shredded = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > SHREDDED_REMEMBERED;
                }
            }));
    private final Map<String, Object> config;
    private final Duration missWait;
    private final Object lifecycle = new Object();
    private final LongAdder misses = new LongAdder();
    private final LongAdder missWaitNanos = new LongAdder();
    /** The running reader, or null while stopped; written under {@link #lifecycle}. */
    private volatile Reader reader;
    private boolean closed;

    private PersonKeyRing(Map<String, Object> clientConfig, Duration missWait, Duration fetchWait, Path baseDir) {
        this.missWait = missWait;
        Map<String, Object> config = new HashMap<>(clientConfig);
        if (fetchWait.isPositive()) {
            // Every fetch waits fetchWait (the keys never fill FETCH_BATCH_BYTES in that time); a catch-up of the
            // whole topic at start is not slowed, its fetches fill up at once.
            config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchWait.toMillis());
            config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_BATCH_BYTES);
        }
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "person-key-ring-" + System.identityHashCode(this));
        this.config = Collections.unmodifiableMap(config);
        this.keys = PersonKeyStore.openEmpty(baseDir);
    }

    /**
     * Starts reading the keys topic from its beginning.
     *
     * @param clientConfig Kafka client properties (bootstrap servers, security, {@code schema.registry.url})
     * @param missWait how long a lookup of an unknown key waits for this reader to reach the topic's end
     */
    public static PersonKeyRing start(Map<String, Object> clientConfig, Duration missWait) {
        return start(clientConfig, missWait, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Starts reading the keys topic from its beginning, fetching new keys in batches of at most {@code fetchWait}. */
    public static PersonKeyRing start(Map<String, Object> clientConfig, Duration missWait, Duration fetchWait) {
        return start(clientConfig, missWait, fetchWait, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Starts reading the keys topic from its beginning, keeping the keys in a new directory under {@code baseDir}.
     *
     * @param clientConfig Kafka client properties (bootstrap servers, security, {@code schema.registry.url})
     * @param missWait how long a lookup of an unknown key waits for this reader to reach the topic's end
     * @param baseDir where the on-disk key store goes (left-overs of processes no longer running are removed)
     */
    public static PersonKeyRing start(Map<String, Object> clientConfig, Duration missWait, Path baseDir) {
        return start(clientConfig, missWait, Duration.ZERO, baseDir);
    }

    /**
     * Starts reading the keys topic from its beginning, fetching new keys in batches of at most {@code fetchWait}.
     *
     * <p>Why a choice: with the consumer's defaults the reader fetches once per new key (one request and response
     * per key per reader: about 9 % of qualification's and handoff's CPU at 1,000 new people a second), but it is
     * ahead of the leads sealed with those keys. Batched, it lags a new key by up to {@code fetchWait}, and a lookup
     * in that window blocks its thread for up to {@code fetchWait}. So batch where leads arrive well after their key
     * (handoff, behind qualification's transaction commits; intake, which writes the keys itself), not where they
     * arrive milliseconds after it (qualification). Measured in {@code PersonKeyRingBenchmark}.
     *
     * @param clientConfig Kafka client properties (bootstrap servers, security, {@code schema.registry.url})
     * @param missWait how long a lookup of an unknown key waits for this reader to reach the topic's end
     * @param fetchWait {@link Duration#ZERO} for the consumer's defaults (a fetch returns with the first new key)
     * @param baseDir where the on-disk key store goes (left-overs of processes no longer running are removed)
     */
    public static PersonKeyRing start(Map<String, Object> clientConfig, Duration missWait, Duration fetchWait,
            Path baseDir) {
        var ring = new PersonKeyRing(clientConfig, missWait, fetchWait, baseDir);
        try {
            ring.startReading();
        } catch (RuntimeException e) {
            ring.close();
            throw e;
        }
        return ring;
    }

    @Override
    public Optional<SecretKey> key(String keyId) {
        Optional<byte[]> key = keys.key(keyId);
        if (key.isPresent() || shredded.contains(keyId)) {
            return key.map(ContactSeal::keyFrom);
        }
        misses.increment();
        long waitStarted = System.nanoTime();
        try {
            awaitCaughtUp();
        } finally {
            missWaitNanos.add(System.nanoTime() - waitStarted);
        }
        key = keys.key(keyId);
        if (key.isEmpty()) {
            shredded.add(keyId);
        }
        return key.map(ContactSeal::keyFrom);
    }

    /** The live key ids of a person, once this reader has read everything written until now. */
    public Set<String> keyIdsOf(String personId) {
        awaitCaughtUp();
        return Set.copyOf(keys.keyIdsOf(personId));
    }

    /** Any live key of the person this reader knows now (without waiting). */
    public Optional<String> knownKeyIdOf(String personId) {
        return keys.firstKeyIdOf(personId);
    }

    /** Notes a key its writer just published (acknowledged), so the writer's own lookups need not wait for it. */
    public void remember(PersonKeyCreated created) {
        apply(created.getKeyId(), created);
    }

    /** Forgets a key its writer just tombstoned. */
    public void forget(String keyId) {
        apply(keyId, null);
    }

    /**
     * Returns once everything written to the keys topic before this call has been read; fails with
     * {@link PersonKeysUnavailableException} when that takes longer than the configured wait (broker unreachable)
     * or the reader is stopped.
     */
    public void awaitCaughtUp() {
        Reader current = reader;
        if (current == null) {
            throw new PersonKeysUnavailableException("the person key reader is stopped");
        }
        var done = new CompletableFuture<Void>();
        current.ask(done);
        try {
            done.get(missWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Cancelled so that the reader drops it; if the reader completed it meanwhile, the wait succeeded.
            if (done.cancel(false)) {
                throw new PersonKeysUnavailableException(missWait, e);
            }
        } catch (ExecutionException e) {
            throw new PersonKeysUnavailableException(missWait, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersonKeysUnavailableException(missWait, e);
        }
    }

    /**
     * Starts the reader if it is stopped. A restarted reader reads the topic from its beginning again, so that keys
     * written meanwhile are found without a miss.
     */
    public void startReading() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("The person key ring is closed");
            }
            if (reader == null) {
                var values = new AvroDeserializer<>(PersonKeyCreated.class);
                values.configure(config, false);
                var offsetsConfig = onlyConsumerConfig(config);
                offsetsConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, config.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-offsets");
                var started = new Reader(
                        new KafkaConsumer<>(onlyConsumerConfig(config), new StringDeserializer(), values),
                        new KafkaConsumer<>(offsetsConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
                started.thread.start();
                reader = started;
            }
        }
    }

    /**
     * Stops the reader (its consumer closed; the keys kept), failing lookups that wait on it; returns once its
     * thread has ended (at most a few seconds).
     */
    public void stopReading() {
        synchronized (lifecycle) {
            Reader stopping = reader;
            if (stopping == null) {
                return;
            }
            reader = null;
            stopping.stop();
        }
    }

    /** Whether the reader runs (between {@link #startReading()} and {@link #stopReading()}). */
    public boolean isReading() {
        return reader != null;
    }

    /** How many lookups missed the store and waited for a catch-up (a metric, and the benchmark's hit/miss split). */
    public long misses() {
        return misses.sum();
    }

    /** The time all {@link #misses()} spent waiting for the reader's catch-up, in nanoseconds. */
    public long missWaitNanos() {
        return missWaitNanos.sum();
    }

    /** The reader's consumer metrics ({@code fetch-total}, {@code fetch-rate}, ...); empty while stopped. */
    Map<org.apache.kafka.common.MetricName, ? extends Metric> consumerMetrics() {
        Reader current = reader;
        return current == null ? Map.of() : current.consumer.metrics();
    }

    /** One consumer and its thread, from {@link #startReading()} to {@link #stopReading()}. */
    private final class Reader {

        private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUps = new ConcurrentLinkedQueue<>();
        private final KafkaConsumer<String, PersonKeyCreated> consumer;
        /**
         * Asks for the end offsets on a connection of its own: a broker answers one request per connection at a time,
         * so on the reader's connection a ListOffsets waited behind a fetch parked in purgatory — up to
         * {@code fetch.max.wait.ms} (500 ms by default when no new key arrives: every lookup of a shredded key).
         */
        private final KafkaConsumer<byte[], byte[]> offsets;
        private final Thread thread;
        private volatile boolean running = true;
        /** True while the reader is in, or about to enter, a long poll that only a wake-up cuts short. */
        private volatile boolean longPolling;

        private Reader(KafkaConsumer<String, PersonKeyCreated> consumer, KafkaConsumer<byte[], byte[]> offsets) {
            this.consumer = consumer;
            this.offsets = offsets;
            this.thread = Thread.ofPlatform().daemon().name("person-key-ring").unstarted(this::run);
        }

        void ask(CompletableFuture<Void> done) {
            catchUps.add(done);
            // Only a long poll needs cutting short: at any other point the reader drains the queue within a short
            // poll. A wake-up of a call other than poll makes that call fail once, which the loop retries.
            if (longPolling) {
                consumer.wakeup();
            }
            LockSupport.unpark(thread);
            if (!running) {
                // Stopped after the lookup picked this reader: its last drain may have run already.
                done.completeExceptionally(new PersonKeysUnavailableException("the person key reader stopped"));
            }
        }

        void stop() {
            running = false;
            consumer.wakeup();
            offsets.wakeup();
            LockSupport.unpark(thread);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            List<Target> targets = new ArrayList<>();
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            List<TopicPartition> partitions = List.of();
            var failures = new Failures();
            long nextCompaction = System.nanoTime() + COMPACTION_INTERVAL.toNanos();
            try {
                while (running) {
                    try {
                        drainInto(waiting);
                        if (partitions.isEmpty()) {
                            partitions = consumer.partitionsFor(Topics.PERSON_KEYS.name(), CALL_TIMEOUT).stream()
                                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                            if (partitions.isEmpty()) {
                                // No keys topic yet (intake creates it): nothing to read, every catch-up is reached.
                                waiting.forEach(waiter -> waiter.complete(null));
                                waiting.clear();
                                failures.recovered();
                                idle(NO_TOPIC_RECHECK);
                                continue;
                            }
                            consumer.assign(partitions);
                            consumer.seekToBeginning(partitions);
                            // Assigned, never polled: a read_committed consumer warns for every end offset it
                            // gets of a partition not assigned to it.
                            offsets.assign(partitions);
                        }
                        if (!waiting.isEmpty()) {
                            // Taken before polling, so that this round's fetch already counts towards the target.
                            // Kept in `waiting` until the offsets are in hand: the call may fail or be woken up.
                            var endOffsets = offsets.endOffsets(partitions, CALL_TIMEOUT);
                            targets.add(new Target(endOffsets, List.copyOf(waiting)));
                            waiting.clear();
                        }
                        completeReached(targets);
                        boolean someoneWaits = !targets.isEmpty();
                        if (!someoneWaits) {
                            longPolling = true;
                            if (!catchUps.isEmpty()) {
                                // Asked between the drain and now: take it before a long poll.
                                longPolling = false;
                                continue;
                            }
                        }
                        try {
                            for (ConsumerRecord<String, PersonKeyCreated> record
                                    : consumer.poll(Duration.ofMillis(someoneWaits ? SHORT_POLL_MS : LONG_POLL_MS))) {
                                apply(record.key(), record.value());
                            }
                        } finally {
                            longPolling = false;
                        }
                        completeReached(targets);
                        failures.recovered();
                        if (System.nanoTime() - nextCompaction > 0) {
                            keys.compactIfErased();
                            nextCompaction = System.nanoTime() + COMPACTION_INTERVAL.toNanos();
                        }
                    } catch (WakeupException wakeup) {
                        // A lookup asked for a catch-up (or stop() for the end): the next round takes it.
                    } catch (InterruptException stopping) {
                        throw stopping;
                    } catch (RuntimeException transientFailure) {
                        // Broker unreachable, metadata timeout, topic being created: keep the positions and go on;
                        // lookups waiting meanwhile fail after their wait rather than the reader dying for good.
                        if (running) {
                            failures.failed(transientFailure);
                            idle(failures.pause());
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.error("The person key reader stopped: sealed contacts can no longer be opened", e);
                }
            } finally {
                var stopped = new PersonKeysUnavailableException("the person key reader stopped");
                drainInto(waiting);
                waiting.forEach(waiter -> waiter.completeExceptionally(stopped));
                targets.forEach(target -> target.waiting().forEach(waiter -> waiter.completeExceptionally(stopped)));
                consumer.close(Duration.ofSeconds(2));
                offsets.close(Duration.ofSeconds(2));
            }
        }

        private void drainInto(List<CompletableFuture<Void>> waiting) {
            for (CompletableFuture<Void> next; (next = catchUps.poll()) != null;) {
                waiting.add(next);
            }
            // Lookups that gave up (timed out) need no target.
            waiting.removeIf(CompletableFuture::isDone);
        }

        private void completeReached(List<Target> targets) {
            targets.removeIf(target -> {
                boolean reached = target.waiting().stream().allMatch(CompletableFuture::isDone)
                        || target.endOffsets().entrySet().stream()
                                .allMatch(end -> consumer.position(end.getKey(), CALL_TIMEOUT) >= end.getValue());
                if (reached) {
                    target.waiting().forEach(waiter -> waiter.complete(null));
                }
                return reached;
            });
        }

        /** Parks the reader; a lookup's {@link #ask} or {@link #stop()} unparks it early. */
        private void idle(Duration duration) {
            if (running && catchUps.isEmpty()) {
                LockSupport.parkNanos(duration.toNanos());
            }
        }
    }

    private record Target(Map<TopicPartition, Long> endOffsets, List<CompletableFuture<Void>> waiting) {
    }

    /**
     * Consecutive failures of the reader: retries back off from {@link #FIRST_RETRY} to {@link #LAST_RETRY}, and a
     * broker that never answers gets one warning, then one a minute (it used to be one every 5 s for good).
     */
    private static final class Failures {

        private int count;
        private long firstAt;
        private long lastWarnedAt;

        void failed(RuntimeException failure) {
            long now = System.nanoTime();
            count++;
            if (count == 1) {
                firstAt = now;
                lastWarnedAt = now;
                log.warn("Reading privacy.person-keys.v1 failed, retrying: {}", failure.toString());
            } else if (now - lastWarnedAt >= WARNING_INTERVAL.toNanos()) {
                lastWarnedAt = now;
                log.warn("Reading privacy.person-keys.v1 still fails ({} attempts in {} s), retrying: {}", count,
                        Duration.ofNanos(now - firstAt).toSeconds(), failure.toString());
            } else {
                log.debug("Reading privacy.person-keys.v1 failed again, retrying: {}", failure.toString());
            }
        }

        void recovered() {
            if (count > 0) {
                log.info("Reading privacy.person-keys.v1 again after {} failed attempts", count);
                count = 0;
            }
        }

        Duration pause() {
            long millis = FIRST_RETRY.toMillis() << Math.min(count - 1, 10);
            return Duration.ofMillis(Math.min(millis, LAST_RETRY.toMillis()));
        }
    }

    private void apply(String keyId, PersonKeyCreated created) {
        if (keyId == null) {
            return;
        }
        if (created == null) {
            String personId = keyId.contains(":") ? keyId.substring(0, keyId.lastIndexOf(':')) : keyId;
            keys.delete(personId, keyId);
            shredded.add(keyId);
            return;
        }
        ByteBuffer raw = created.getKey().duplicate();
        byte[] bytes = new byte[raw.remaining()];
        raw.get(bytes);
        keys.put(created.getPersonId(), keyId, bytes);
        shredded.remove(keyId);
    }

    private static Map<String, Object> onlyConsumerConfig(Map<String, Object> config) {
        Map<String, Object> consumerConfig = new HashMap<>();
        config.forEach((name, value) -> {
            if (ConsumerConfig.configNames().contains(name)) {
                consumerConfig.put(name, value);
            }
        });
        return consumerConfig;
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            stopReading();
        }
        keys.close();
    }
}
