package io.leadloop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under every durable answer: N senders, each sending one record and waiting for its {@code acks=all}
 * before the next — intake's producer settings (idempotent, linger 1 ms, one shared producer, so the senders' records
 * share batches exactly as intake's requests do), without HTTP and without intake's own work.
 *
 * <p>Why it is a ceiling: a closed-loop client of intake waits for at least the HTTP work (the no-op's latency
 * {@code L0}) plus one acknowledgement ({@code La}, measured here) per request, so by Little's law intake cannot
 * exceed {@code N / (L0 + La)} = {@code 1 / (1/T0 + 1/Ta)} requests/s, i.e. a ratio to the no-op of at most
 * {@code Ta / (T0 + Ta)} — and less where each lead needs two acknowledgements in a row (a new person's key, then
 * the lead). The bound is optimistic: on this machine the broker, intake and the load generator also share the
 * cores. Kafka's own tools measure throughput or one record at a time, not N waiting senders, hence this class.
 */
final class DurableRoundTrip {

    record Result(int senders, double seconds, long acks, Histogram latencyMicros) {
        double acksPerSecond() {
            return acks / seconds;
        }
    }

    private DurableRoundTrip() {
    }

    static Result run(String bootstrap, String topic, int senders, Duration warmup, Duration measured, int recordBytes)
            throws InterruptedException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.BATCH_SIZE_CONFIG, 65536,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = new byte[recordBytes];
        ThreadLocalRandom.current().nextBytes(value);
        var recorder = new Recorder(3);
        var acks = new AtomicLong();
        var measuring = new AtomicBoolean(false);
        var running = new AtomicBoolean(true);
        try (var producer = new KafkaProducer<String, byte[]>(config)) {
            var threads = new ArrayList<Thread>();
            for (int s = 0; s < senders; s++) {
                String prefix = "sender-" + s + "-";
                threads.add(Thread.ofVirtual().start(() -> {
                    long n = 0;
                    while (running.get()) {
                        long start = System.nanoTime();
                        try {
                            producer.send(new ProducerRecord<>(topic, prefix + n++, value)).get();
                        } catch (Exception e) {
                            throw new IllegalStateException("Kafka refused a record of the round-trip ceiling", e);
                        }
                        if (measuring.get()) {
                            recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                            acks.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(warmup.toMillis());
            recorder.reset();
            measuring.set(true);
            long t0 = System.nanoTime();
            Thread.sleep(measured.toMillis());
            measuring.set(false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long counted = acks.get();
            Histogram histogram = recorder.getIntervalHistogram();
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            return new Result(senders, seconds, counted, histogram);
        }
    }

    /** The highest ratio to the no-op a durable intake could reach with {@code acksInARow} acknowledgements per lead. */
    static double boundRatio(double noopPerSecond, double acksPerSecond, int acksInARow) {
        return 1 / (1 + acksInARow * noopPerSecond / acksPerSecond);
    }
}
