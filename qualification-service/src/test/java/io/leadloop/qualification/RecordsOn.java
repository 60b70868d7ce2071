package io.leadloop.qualification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything that arrived on one topic so far, read committed by a fresh consumer group from the beginning, so a
 * test sees only what exists and never depends on another test's offsets. Poll inside Awaitility's
 * {@code untilAsserted}.
 */
final class RecordsOn<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> received = new ArrayList<>();

    RecordsOn(String topic, String bootstrapServers, Deserializer<V> valueDeserializer) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "qualification-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), valueDeserializer);
        consumer.subscribe(List.of(topic));
    }

    /** Polls once more and returns the records with this key received so far. */
    List<ConsumerRecord<String, V>> withKey(String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        return received.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
