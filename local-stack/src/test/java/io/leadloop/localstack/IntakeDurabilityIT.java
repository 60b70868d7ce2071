package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's promise under a broker outage, with real processes: leads posted steadily while the broker is killed
 * ({@code kill -9}) and started again. Every lead that got a {@code 202} must be on {@code leads.captured.v1}
 * afterwards; during the outage senders get {@code 503} with Retry-After (never a {@code 2xx} for a lead that is
 * not durable, never a {@code 500}).
 *
 * <p>Why 503 and not a local spool: see the intake README ("Durability"). A spool would turn a broker outage into
 * a disk that must survive the intake instance; 503 keeps every accepted lead in Kafka and lets senders retry.
 */
class IntakeDurabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SENDERS = 8;

    @TempDir
    static Path home;

    static LocalStack stack;

    @BeforeAll
    static void startBrokerRegistryAndIntake() {
        stack = TestStacks.start(home, Part.KAFKA, Part.REGISTRY, Part.INTAKE);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void losesNoAcceptedLeadWhenTheBrokerIsKilledAndRestartedUnderLoad() throws Exception {
        String campaign = "durability-" + UUID.randomUUID();
        var accepted = ConcurrentHashMap.<String>newKeySet();
        var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
        var unexpected = new ConcurrentLinkedQueue<String>();
        var running = new AtomicBoolean(true);
        var sequence = new AtomicLong();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String url = stack.serviceUrl(Part.INTAKE) + "/api/v1/leads";

        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < SENDERS; s++) {
                senders.submit(() -> {
                    while (running.get()) {
                        long n = sequence.incrementAndGet();
                        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(LeadRequests.qualifyingLead(campaign)
                                        .replace("ana.silva@acme.io", "durable-" + n + "-" + campaign + "@acme.io")
                                        .replace("+1 415 555 0100", "+1 628 " + (1_000_000 + n))))
                                .build();
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            if (response.statusCode() == 202) {
                                accepted.add(JSON.readTree(response.body()).path("leadId").asString());
                            } else if (response.statusCode() != 503
                                    || response.headers().firstValue("Retry-After").isEmpty()) {
                                unexpected.add(response.statusCode() + " " + response.body());
                            }
                        } catch (Exception e) {
                            unexpected.add(e.toString());
                        }
                    }
                    return null;
                });
            }

            awaitAccepted(accepted, 200);
            stack.kill(Part.KAFKA);
            long acceptedAtKill = accepted.size();
            await("senders are refused with 503 while the broker is down").atMost(Duration.ofSeconds(60))
                    .until(() -> statuses.getOrDefault(503, new AtomicLong()).get() > 20);
            stack.restart(Part.KAFKA);
            long restartedAt = System.nanoTime();
            awaitAccepted(accepted, acceptedAtKill + 200);
            System.out.printf("intake took leads again %.1f s after the broker was back%n",
                    (System.nanoTime() - restartedAt) / 1e9);
            running.set(false);
        }

        System.out.println("responses by status: " + statuses);
        assertThat(unexpected).as("responses other than 202 / 503+Retry-After").isEmpty();
        assertThat(statuses.get(503)).as("the outage was felt").isNotNull();
        Set<String> published = leadIdsOn("leads.captured.v1");
        var lost = new HashSet<>(accepted);
        lost.removeAll(published);
        System.out.printf("accepted %d, lost %d%n", accepted.size(), lost.size());
        assertThat(lost).as("leads that got a 202 but are not on Kafka").isEmpty();
    }

    private static void awaitAccepted(Set<String> accepted, long atLeast) {
        await().atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= atLeast);
    }

    private static Set<String> leadIdsOn(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "durability-check-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<String> keys = new HashSet<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }
}
