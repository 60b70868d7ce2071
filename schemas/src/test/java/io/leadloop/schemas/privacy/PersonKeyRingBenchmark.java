package io.leadloop.schemas.privacy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.leadloop.events.PersonKeyCreated;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerdeConfig;
import io.leadloop.schemas.serde.AvroSerializer;

/**
 * The ring's fetch trade-off (issue 7): fetches per second and reader CPU against how often lookups miss and how
 * long a miss waits, for the consumer's default fetch settings and for batched fetches (the ring's {@code fetchWait}
 * W: {@code fetch.max.wait.ms} W with a {@code fetch.min.bytes} the keys never reach in W, so every fetch waits W).
 *
 * <p>A writer publishes N keys/s ({@code acks=all}, like intake); each acknowledged key is looked up D ms later
 * by one "stream thread" (intake sends the lead sealed with the key after the key's ack, and the lead needs a few
 * ms to reach qualification). A real in-JVM KRaft broker, the in-memory registry. Prints numbers, asserts nothing;
 * not in the build (the class name matches neither Surefire's nor Failsafe's patterns). Run it with:
 *
 * <pre>
 * mvn -o -pl schemas -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false -Dtest=PersonKeyRingBenchmark \
 *     [-Dbench.rates=100,1000] [-Dbench.waits=default,10,50,100] [-Dbench.delaysMs=10,50] [-Dbench.seconds=15]
 * </pre>
 */
class PersonKeyRingBenchmark {

    private static final int WARMUP_SECONDS = 3;

    @Test
    void measureFetchesAgainstMissWaits() throws Exception {
        List<Integer> rates = Arrays.stream(System.getProperty("bench.rates", "100,1000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        List<String> waits = Arrays.stream(System.getProperty("bench.waits", "default,10,50,100").split(","))
                .map(String::trim).toList();
        List<Integer> delays = Arrays.stream(System.getProperty("bench.delaysMs", "10,50").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int seconds = Integer.getInteger("bench.seconds", 15);

        var broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        try {
            Map<String, Object> client = Map.of("bootstrap.servers", broker.getBrokersAsString(),
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://person-key-ring-benchmark");
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.getBrokersAsString()))) {
                admin.createTopics(List.of(new NewTopic(Topics.PERSON_KEYS.name(), 3, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get();
            }
            var rows = new ArrayList<String>();
            // Unreported: the broker's and the reader's code JIT-compiled before the first row counts.
            run(client, rates.getLast(), waits.getFirst(), delays.getFirst(), Integer.getInteger("bench.jitWarmup", 10));
            rows.add("| keys/s | lookup after ack | fetch | fetches/s | reader CPU ms/s | JVM CPU ms/s | lookups | missed | miss wait p50 / p99 / max ms | stream thread blocked ms/s |");
            rows.add("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
            for (int rate : rates) {
                for (int delayMs : delays) {
                    for (String wait : waits) {
                        rows.add(run(client, rate, wait, delayMs, seconds));
                        System.out.println(rows.getLast());
                    }
                }
            }
            System.out.printf("%nPersonKeyRingBenchmark: %d s per row, %d cores, load %.2f%n", seconds, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            rows.forEach(System.out::println);
        } finally {
            broker.destroy();
        }
    }

    private static String run(Map<String, Object> client, int rate, String wait, int delayMs, int seconds)
            throws Exception {
        Duration fetchWait = wait.equals("default") ? Duration.ZERO : Duration.ofMillis(Integer.parseInt(wait));
        var producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        var values = new AvroSerializer<PersonKeyCreated>();
        values.configure(producerConfig, false);
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var writer = Executors.newSingleThreadScheduledExecutor();
        var streamThread = Executors.newSingleThreadScheduledExecutor();
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), values);
                var ring = PersonKeyRing.start(client, Duration.ofSeconds(10), fetchWait)) {
            ring.awaitCaughtUp();
            long readerThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("person-key-ring")).findFirst().orElseThrow().threadId();
            long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
            long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            var hits = new ArrayList<Long>();
            var missWaits = new ArrayList<Long>();
            writer.scheduleAtFixedRate(() -> {
                PersonKeyCreated created = aKey();
                producer.send(new ProducerRecord<>(Topics.PERSON_KEYS.name(), created.getKeyId(), created),
                        (metadata, failure) -> {
                            if (failure == null && !streamThread.isShutdown()) {
                                try {
                                    streamThread.schedule(() -> lookUp(ring, created.getKeyId(), measureFrom,
                                            measureTo, hits, missWaits), delayMs, TimeUnit.MILLISECONDS);
                                } catch (RejectedExecutionException measured) {
                                    // The row is over: keys acknowledged after it are not looked up.
                                }
                            }
                        });
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);

            sleepUntil(measureFrom);
            double fetchesBefore = fetchTotal(ring.consumerMetrics());
            long readerCpuBefore = threads.getThreadCpuTime(readerThread);
            long jvmCpuBefore = os.getProcessCpuTime();
            sleepUntil(measureTo);
            double fetches = fetchTotal(ring.consumerMetrics()) - fetchesBefore;
            long readerCpu = threads.getThreadCpuTime(readerThread) - readerCpuBefore;
            long jvmCpu = os.getProcessCpuTime() - jvmCpuBefore;
            writer.shutdownNow();
            streamThread.shutdown();
            streamThread.awaitTermination(15, TimeUnit.SECONDS);

            List<Long> sorted;
            synchronized (missWaits) {
                sorted = missWaits.stream().sorted().toList();
            }
            int lookups = hits.size() + sorted.size();
            return String.format("| %d | %d ms | %s | %.0f | %.1f | %.0f | %d | %d (%.1f %%) | %s | %.1f |", rate, delayMs,
                    wait.equals("default") ? "default (min.bytes 1, max.wait 500)" : "max.wait " + wait + " ms",
                    fetches / seconds, readerCpu / 1e6 / seconds, jvmCpu / 1e6 / seconds, lookups, sorted.size(),
                    lookups == 0 ? 0.0 : 100.0 * sorted.size() / lookups,
                    sorted.isEmpty() ? "–" : String.format("%.1f / %.1f / %.1f", ms(sorted, 0.50), ms(sorted, 0.99),
                            sorted.getLast() / 1e6),
                    sorted.stream().mapToLong(Long::longValue).sum() / 1e6 / seconds);
        } finally {
            writer.shutdownNow();
            streamThread.shutdownNow();
        }
    }

    /** Runs on the one "stream thread": lists need no lock while it runs, but are read after it stopped. */
    private static void lookUp(PersonKeyRing ring, String keyId, long measureFrom, long measureTo, List<Long> hits,
            List<Long> missWaits) {
        long missesBefore = ring.misses();
        long start = System.nanoTime();
        boolean found = ring.key(keyId).isPresent();
        long took = System.nanoTime() - start;
        if (!found) {
            System.err.println("Key " + keyId + " not found after its ack: the catch-up contract is broken");
        }
        if (start < measureFrom || start > measureTo) {
            return;
        }
        synchronized (missWaits) {
            (ring.misses() > missesBefore ? missWaits : hits).add(took);
        }
    }

    private static double fetchTotal(Map<MetricName, ? extends Metric> metrics) {
        return metrics.entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("fetch-total")
                        && metric.getKey().group().equals("consumer-fetch-manager-metrics")
                        && !metric.getKey().tags().containsKey("topic"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
    }

    private static double ms(List<Long> sortedNanos, double quantile) {
        int index = (int) Math.ceil(quantile * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        // The benchmark's own clock, not a wait for a condition.
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static PersonKeyCreated aKey() {
        String personId = "person-" + UUID.randomUUID();
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return PersonKeyCreated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setKeyId(personId + ":1").setPersonId(personId).setKey(ByteBuffer.wrap(key)).build();
    }
}
