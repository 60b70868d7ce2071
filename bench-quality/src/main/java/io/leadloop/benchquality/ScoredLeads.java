package io.leadloop.benchquality;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.leadloop.events.LeadScored;
import io.leadloop.events.LearnedProbability;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerde;

/**
 * Reads {@code leads.scored.v1} from the start in the background and keeps, per lead, the probabilities of its
 * <em>first</em> score: the one made when it arrived, before its outcome was known.
 */
final class ScoredLeads implements AutoCloseable {

    /** leadId → "algorithm (active|shadow)" → P(won). */
    private final Map<String, Map<String, Double>> firstScores = new ConcurrentHashMap<>();
    /** leadId → outcomes the active model had learned from when the lead was first scored (its modelVersion). */
    private final Map<String, Long> learnedAtScoring = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, LeadScored> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    ScoredLeads(String bootstrapServers, String registryUrl) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-quality-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", registryUrl);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                AvroSerde.forValuesOf(Topics.LEADS_SCORED, serdeConfig).deserializer());
        consumer.subscribe(List.of(Topics.LEADS_SCORED.name()));
        poller = Thread.ofPlatform().name("bench-quality-scores").start(this::poll);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, LeadScored> record : consumer.poll(Duration.ofMillis(200))) {
                LeadScored scored = record.value();
                if (scored == null) {
                    continue;
                }
                Map<String, Double> won = new java.util.LinkedHashMap<>();
                for (LearnedProbability probability : scored.getProbabilities()) {
                    if (probability.getTarget().equals("won")) {
                        won.put(probability.getAlgorithm() + (probability.getActive() ? " (active)" : " (shadow)"),
                                probability.getProbability());
                    }
                }
                if (firstScores.putIfAbsent(scored.getLeadId(), won) == null) {
                    String version = scored.getModelVersion();
                    learnedAtScoring.put(scored.getLeadId(),
                            version == null ? 0 : Long.parseLong(version.substring(version.lastIndexOf('@') + 1)));
                }
            }
        }
        consumer.close();
    }

    /** Waits until every lead was scored once (or the timeout passed) and returns what was read. */
    Map<String, Map<String, Double>> awaitAll(List<String> leadIds, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !firstScores.keySet().containsAll(leadIds)) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        return Map.copyOf(firstScores);
    }

    /** leadId → how many outcomes the active model had learned from when the lead was first scored. */
    Map<String, Long> learnedAtScoring() {
        return Map.copyOf(learnedAtScoring);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(Duration.ofSeconds(10));
    }
}
