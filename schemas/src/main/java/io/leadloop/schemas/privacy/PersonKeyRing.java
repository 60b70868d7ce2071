package io.leadloop.schemas.privacy;

import java.nio.ByteBuffer;
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
import java.util.concurrent.ConcurrentHashMap;
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
 * Every person's data key, read from the compacted {@code privacy.person-keys.v1} into memory by one consumer
 * thread (assigned every partition, no group, {@code read_committed}).
 *
 * <p>Why a reader of our own rather than a Kafka Streams global store in each service: the keys are needed outside
 * stream processors too (HTTP views, the CRM connector), and a global store gives no ordering between its topic
 * and the lead topics, so a processor could meet a lead before its key and score it as if it had no email. Here a
 * miss waits until this reader has read up to the topic's end offsets <em>as of the miss</em>: intake writes the
 * key ({@code acks=all}) before the first event sealed with it, so after that wait a key still missing was
 * shredded, and is remembered as such. The keys are 32 bytes each: a million people fit in well under 100 MB.
 */
public final class PersonKeyRing implements PersonKeyLookup, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyRing.class);
    private static final int SHREDDED_REMEMBERED = 100_000;

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keyIdsByPerson = new ConcurrentHashMap<>();
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

    private PersonKeyRing(Map<String, Object> clientConfig, Duration missWait) {
        this.missWait = missWait;
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
        var ring = new PersonKeyRing(clientConfig, missWait);
        ring.thread.start();
        return ring;
    }

    @Override
    public Optional<SecretKey> key(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key != null || shredded.contains(keyId)) {
            return Optional.ofNullable(key);
        }
        awaitCaughtUp();
        key = keys.get(keyId);
        if (key == null) {
            shredded.add(keyId);
        }
        return Optional.ofNullable(key);
    }

    /** The live key ids of a person, once this reader has read everything written until now. */
    public Set<String> keyIdsOf(String personId) {
        awaitCaughtUp();
        return Set.copyOf(keyIdsByPerson.getOrDefault(personId, Set.of()));
    }

    /** Any live key of the person this reader knows now (without waiting). */
    public Optional<String> knownKeyIdOf(String personId) {
        return keyIdsByPerson.getOrDefault(personId, Set.of()).stream().sorted().findFirst();
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
        String personId = keyId.contains(":") ? keyId.substring(0, keyId.lastIndexOf(':')) : keyId;
        if (created == null) {
            keys.remove(keyId);
            shredded.add(keyId);
            keyIdsByPerson.computeIfPresent(personId, (person, ids) -> {
                var left = new java.util.HashSet<>(ids);
                left.remove(keyId);
                return left.isEmpty() ? null : Set.copyOf(left);
            });
            return;
        }
        ByteBuffer raw = created.getKey().duplicate();
        byte[] bytes = new byte[raw.remaining()];
        raw.get(bytes);
        keys.put(keyId, ContactSeal.keyFrom(bytes));
        shredded.remove(keyId);
        keyIdsByPerson.merge(created.getPersonId(), Set.of(keyId), (known, added) -> {
            var all = new java.util.HashSet<>(known);
            all.addAll(added);
            return Set.copyOf(all);
        });
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
    }
}
