package io.leadloop.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerdeConfig;

/**
 * Reads every event topic and its dead-letter topic from the beginning, for the whole run, as a
 * {@code read_committed} consumer: what a downstream system (a CRM connector, a data warehouse) would see. Records
 * of aborted transactions (a Streams app killed mid-commit, a fenced zombie) never show up here, so any second
 * record it sees for one lead is a duplicate a real consumer would also have seen.
 *
 * <p>It also remembers when each record was first seen, which is how the suite measures recovery time without
 * asking the services anything.
 */
final class OutputTail implements AutoCloseable {

    static final String CAPTURED = Topics.LEADS_CAPTURED.name();
    static final String SCORED = Topics.LEADS_SCORED.name();
    static final String HANDED_OFF = Topics.LEADS_HANDED_OFF.name();
    static final String FEEDBACK = Topics.FEEDBACK_RECORDED.name();
    static final List<String> EVENT_TOPICS = List.of(CAPTURED, SCORED, HANDED_OFF, FEEDBACK);

    /** One event as a consumer saw it; {@code stage} and {@code definitionVersion} only on scored events. */
    record Seen(String topic, String leadId, String eventId, String stage, String definitionVersion,
                long observedAtNanos, int partition, long offset) {
    }

    /** A record on a {@code .DLT} with the headers the dead-letter handler wrote. */
    record DeadLetter(String topic, String key, Map<String, String> headers, long observedAtNanos) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    private final String bootstrapServers;
    private final String registryUrl;
    private final Map<String, Map<String, List<Seen>>> byLead = new ConcurrentHashMap<>();
    private final Map<String, List<Seen>> feedbackByEventId = new ConcurrentHashMap<>();
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> unreadable = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile long caughtUpAtNanos = Long.MIN_VALUE;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    OutputTail(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        EVENT_TOPICS.forEach(topic -> byLead.put(topic, new ConcurrentHashMap<>()));
    }

    OutputTail start() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, "fault-suite-tail");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            for (String t : List.of(topic, topic + ".DLT")) {
                partitionsOf(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = Thread.ofPlatform().name("fault-suite-tail").daemon().start(() -> pollLoop(partitions));
        return this;
    }

    /** A busy three-broker cluster can take minutes to answer its first metadata request: keep asking. */
    private List<org.apache.kafka.common.PartitionInfo> partitionsOf(String topic) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                List<org.apache.kafka.common.PartitionInfo> found = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (!found.isEmpty() || System.nanoTime() > deadline) {
                    return found;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private void pollLoop(List<TopicPartition> partitions) {
        AvroDeserializer<GenericRecord> avro = new AvroDeserializer<>();
        avro.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, false), false);
        long nextLagCheck = 0;
        while (running.get()) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    accept(record, avro);
                }
                if (System.nanoTime() > nextLagCheck) {
                    long checkedAt = System.nanoTime();
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                    if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                        caughtUpAtNanos = checkedAt;
                    }
                    nextLagCheck = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // A broker outage makes endOffsets time out; keep tailing, the broker comes back.
                System.out.println("[tail] " + e);
            }
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record, AvroDeserializer<GenericRecord> avro) {
        long now = System.nanoTime();
        if (record.topic().endsWith(".DLT")) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            deadLetters.add(new DeadLetter(record.topic(), record.key(), headers, now));
            return;
        }
        GenericRecord value;
        try {
            value = avro.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            // Poison the suite put there itself, or anything else no consumer could read.
            unreadable.computeIfAbsent(record.topic(), t -> new AtomicLong()).incrementAndGet();
            return;
        }
        if (value == null) {
            return;
        }
        String leadId = String.valueOf(value.get("leadId"));
        boolean scored = record.topic().equals(SCORED);
        Seen seen = new Seen(record.topic(), leadId, String.valueOf(value.get("eventId")),
                scored ? String.valueOf(value.get("stage")) : null,
                scored ? String.valueOf(value.get("definitionVersion")) : null,
                now, record.partition(), record.offset());
        add(seen);
    }

    /** One event read from an event topic; package-private so the reconciliation rules can be tested alone. */
    void add(Seen seen) {
        byLead.get(seen.topic()).computeIfAbsent(seen.leadId(), id -> new CopyOnWriteArrayList<>()).add(seen);
        if (seen.topic().equals(FEEDBACK)) {
            feedbackByEventId.computeIfAbsent(seen.eventId(), id -> new CopyOnWriteArrayList<>()).add(seen);
        }
    }

    List<Seen> seen(String topic, String leadId) {
        return byLead.get(topic).getOrDefault(leadId, List.of());
    }

    List<Seen> feedbackEvents(String eventId) {
        return feedbackByEventId.getOrDefault(eventId, List.of());
    }

    boolean handedOff(String leadId) {
        return !seen(HANDED_OFF, leadId).isEmpty();
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    long unreadable(String topic) {
        AtomicLong count = unreadable.get(topic);
        return count == null ? 0 : count.get();
    }

    /** True once the tail has read up to the last committed offset of every partition at or after {@code since}. */
    boolean caughtUpSince(long sinceNanos) {
        return caughtUpAtNanos >= sinceNanos;
    }

    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (c != null) {
            c.close(Duration.ofSeconds(5));
        }
    }
}
