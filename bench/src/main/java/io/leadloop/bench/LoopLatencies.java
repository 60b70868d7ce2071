package io.leadloop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.HdrHistogram.Histogram;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.leadloop.schemas.Topics;

/**
 * The loop's end-to-end latency from the events' own timestamps: every {@code LeadCaptured}, {@code LeadScored} and
 * {@code LeadHandedOff} written after this reader started, matched by lead id, {@code occurredAt} of each (stamped by
 * intake, qualification and handoff from their clocks, all on this machine), plus when this reader saw the
 * hand-off — as a CRM connector would, {@code read_committed}, after handoff's exactly-once commit.
 *
 * <p>Only the first three fields are decoded (after the 5-byte Confluent header): every lead event starts with
 * {@code eventId}, {@code occurredAt}, {@code leadId}, and compatible evolution only appends fields. That keeps
 * this reader cheap on the two cores it shares with what it measures.
 */
final class LoopLatencies implements AutoCloseable {

    private static final int CAPTURED = 0;
    private static final int SCORED = 1;
    private static final int HANDED_OFF = 2;
    private static final int HANDED_OFF_SEEN = 3;

    /** What was seen of the leads of one window. */
    record Window(long leadsCaptured, long leadsScored, long leadsHandedOff, Histogram capturedToScoredMicros,
            Histogram capturedToHandedOffMicros, Histogram capturedToHandedOffSeenMicros, long firstCapturedMillis,
            long lastHandedOffSeenMillis) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread poller;
    private final Map<String, long[]> leads = new HashMap<>();
    private volatile boolean running = true;

    LoopLatencies(String bootstrapServers) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props);
        var partitions = new ArrayList<TopicPartition>();
        for (String topic : List.of(Topics.LEADS_CAPTURED.name(), Topics.LEADS_SCORED.name(),
                Topics.LEADS_HANDED_OFF.name())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().name("loop-latencies").daemon().start(this::poll);
    }

    /** The three fields every lead event starts with. */
    record Prefix(String eventId, long occurredAtMillis, String leadId) {
    }

    /** Reads the prefix of a Confluent-framed Avro lead event; empty for a tombstone or a foreign format. */
    static java.util.Optional<Prefix> prefixOf(byte[] value) throws java.io.IOException {
        if (value == null || value.length < 6 || value[0] != 0) {
            return java.util.Optional.empty();
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null);
        String eventId = decoder.readString();
        long occurredAt = decoder.readLong();
        return java.util.Optional.of(new Prefix(eventId, occurredAt, decoder.readString()));
    }

    private void poll() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                long seen = System.currentTimeMillis();
                synchronized (leads) {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        var prefix = prefixOf(record.value());
                        if (prefix.isEmpty()) {
                            continue;
                        }
                        long[] times = leads.computeIfAbsent(prefix.get().leadId(), id -> new long[] {-1, -1, -1, -1});
                        int kind = switch (record.topic()) {
                            case "leads.captured.v1" -> CAPTURED;
                            case "leads.scored.v1" -> SCORED;
                            default -> HANDED_OFF;
                        };
                        if (times[kind] < 0) {
                            times[kind] = prefix.get().occurredAtMillis();
                            if (kind == HANDED_OFF) {
                                times[HANDED_OFF_SEEN] = seen;
                            }
                        }
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up.
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Forgets everything seen so far: the next window starts now. */
    void reset() {
        synchronized (leads) {
            leads.clear();
        }
    }

    /** The leads captured since the last reset that have been seen so far. */
    Window window() {
        var scored = new Histogram(3);
        var handedOff = new Histogram(3);
        var handedOffSeen = new Histogram(3);
        long captured = 0;
        long firstCaptured = Long.MAX_VALUE;
        long lastSeen = 0;
        synchronized (leads) {
            for (long[] t : leads.values()) {
                if (t[CAPTURED] < 0) {
                    continue;
                }
                captured++;
                firstCaptured = Math.min(firstCaptured, t[CAPTURED]);
                if (t[SCORED] >= 0) {
                    scored.recordValue(Math.max(1, (t[SCORED] - t[CAPTURED]) * 1000));
                }
                if (t[HANDED_OFF] >= 0) {
                    handedOff.recordValue(Math.max(1, (t[HANDED_OFF] - t[CAPTURED]) * 1000));
                    handedOffSeen.recordValue(Math.max(1, (t[HANDED_OFF_SEEN] - t[CAPTURED]) * 1000));
                    lastSeen = Math.max(lastSeen, t[HANDED_OFF_SEEN]);
                }
            }
        }
        return new Window(captured, scored.getTotalCount(), handedOff.getTotalCount(), scored, handedOff,
                handedOffSeen, firstCaptured, lastSeen);
    }

    /** Waits (polling the window, there is nothing to block on) until every captured lead was handed off, or the time is up. */
    Window awaitHandedOff(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Window w = window();
        while (w.leadsHandedOff() < w.leadsCaptured() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            w = window();
        }
        return w;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5_000);
        consumer.close();
    }
}
