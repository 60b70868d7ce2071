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

import javax.crypto.SecretKey;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
 */
public final class PersonKeyRing implements PersonKeyLookup, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyRing.class);
    private static final int SHREDDED_REMEMBERED = 100_000;

    private static final Duration COMPACTION_INTERVAL = Duration.ofMinutes(1);

    private final PersonKeyStore keys;
    private final Set<String> shredded = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > SHREDDED_REMEMBERED;
                }
            }));
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUps = new ConcurrentLinkedQueue<>();
    private final KafkaConsumer<String, PersonKeyCreated> consumer;
    private final Duration missWait;
    private final Thread thread;
    private volatile boolean running = true;

    private PersonKeyRing(Map<String, Object> clientConfig, Duration missWait, Path baseDir) {
        this.missWait = missWait;
        this.keys = PersonKeyStore.openEmpty(baseDir);
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "person-key-ring-" + System.identityHashCode(this));
        var values = new AvroDeserializer<>(PersonKeyCreated.class);
        values.configure(config, false);
        this.consumer = new KafkaConsumer<>(onlyConsumerConfig(config), new StringDeserializer(), values);
        this.thread = Thread.ofPlatform().daemon().name("person-key-ring").unstarted(this::run);
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

    /**
     * Starts reading the keys topic from its beginning, keeping the keys in a new directory under {@code baseDir}.
     *
     * @param clientConfig Kafka client properties (bootstrap servers, security, {@code schema.registry.url})
     * @param missWait how long a lookup of an unknown key waits for this reader to reach the topic's end
     * @param baseDir where the on-disk key store goes (left-overs of processes no longer running are removed)
     */
    public static PersonKeyRing start(Map<String, Object> clientConfig, Duration missWait, Path baseDir) {
        var ring = new PersonKeyRing(clientConfig, missWait, baseDir);
        ring.thread.start();
        return ring;
    }

    @Override
    public Optional<SecretKey> key(String keyId) {
        Optional<byte[]> key = keys.key(keyId);
        if (key.isPresent() || shredded.contains(keyId)) {
            return key.map(ContactSeal::keyFrom);
        }
        awaitCaughtUp();
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
     * {@link PersonKeysUnavailableException} when that takes longer than the configured wait (broker unreachable).
     */
    public void awaitCaughtUp() {
        var done = new CompletableFuture<Void>();
        catchUps.add(done);
        consumer.wakeup();
        try {
            done.get(missWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new PersonKeysUnavailableException(missWait, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersonKeysUnavailableException(missWait, e);
        }
    }

    private void run() {
        record Target(Map<TopicPartition, Long> endOffsets, List<CompletableFuture<Void>> waiting) {
        }
        List<Target> targets = new ArrayList<>();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        long nextCompaction = System.nanoTime() + COMPACTION_INTERVAL.toNanos();
        try {
            List<TopicPartition> partitions = List.of();
            while (running) {
                try {
                    if (partitions.isEmpty()) {
                        partitions = consumer.partitionsFor(Topics.PERSON_KEYS.name(), Duration.ofSeconds(5)).stream()
                                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                        if (partitions.isEmpty()) {
                            // No keys topic yet (intake creates it): nothing to read, every catch-up is reached.
                            pause();
                        } else {
                            consumer.assign(partitions);
                            consumer.seekToBeginning(partitions);
                        }
                    }
                    if (!partitions.isEmpty()) {
                        for (ConsumerRecord<String, PersonKeyCreated> record : consumer.poll(Duration.ofMillis(200))) {
                            apply(record.key(), record.value());
                        }
                    }
                    for (CompletableFuture<Void> next; (next = catchUps.poll()) != null;) {
                        waiting.add(next);
                    }
                    if (!waiting.isEmpty()) {
                        // Kept in `waiting` until the end offsets are in hand: a wake-up may interrupt the call.
                        var endOffsets = partitions.isEmpty() ? Map.<TopicPartition, Long>of() : consumer.endOffsets(partitions);
                        targets.add(new Target(endOffsets, List.copyOf(waiting)));
                        waiting.clear();
                    }
                    var reached = new ArrayList<Target>();
                    for (Target target : targets) {
                        boolean caughtUp = target.endOffsets().entrySet().stream()
                                .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                        if (caughtUp) {
                            target.waiting().forEach(waiter -> waiter.complete(null));
                            reached.add(target);
                        }
                    }
                    targets.removeAll(reached);
                    if (System.nanoTime() - nextCompaction > 0) {
                        keys.compactIfErased();
                        nextCompaction = System.nanoTime() + COMPACTION_INTERVAL.toNanos();
                    }
                } catch (WakeupException wakeup) {
                    // A lookup asked for a catch-up (or close() for the end): the next round takes it.
                } catch (org.apache.kafka.common.errors.InterruptException stopping) {
                    throw stopping;
                } catch (RuntimeException transientFailure) {
                    // Broker unreachable, metadata timeout, topic being created: keep reading; lookups waiting
                    // meanwhile fail after their wait rather than the reader dying for good.
                    if (running) {
                        log.warn("Reading privacy.person-keys.v1 failed, retrying: {}", transientFailure.toString());
                        partitions = List.of();
                        pause();
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                log.error("The person key reader stopped: sealed contacts can no longer be opened", e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keys.close();
    }
}
