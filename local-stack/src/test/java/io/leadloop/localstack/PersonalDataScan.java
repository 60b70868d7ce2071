package io.leadloop.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.ContactSeal;
import io.leadloop.schemas.privacy.PersonKeyLookup;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerdeConfig;

/**
 * Looks for a person's email, phone and name wherever the running stack keeps data: every event topic decoded as a
 * consumer reads it (sealed contacts opened with the keys a consumer would have), every topic on the broker as raw
 * bytes (changelogs, repartition and dead-letter topics included), and every file of the services' state stores.
 * Each finding says where.
 */
final class PersonalDataScan {

    private final String bootstrapServers;
    private final String registryUrl;

    PersonalDataScan(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** Every record of every topic in {@link Topics#ALL}, decoded (read_committed), sealed contacts opened. */
    List<String> inDecodedEvents(Collection<String> needles, PersonKeyLookup keys) {
        var findings = new ArrayList<String>();
        for (Topic<?> topic : Topics.ALL) {
            var values = new AvroDeserializer<Object>();
            values.configure(config(), false);
            for (ConsumerRecord<String, Object> record : readAll(topic.name(), new StringDeserializer(), values)) {
                if (record.value() == null) {
                    continue;
                }
                String text = record.value().toString() + opened(record.value(), keys);
                needles.stream().filter(text::contains)
                        .forEach(needle -> findings.add(topic.name() + "@" + record.offset() + " (decoded): " + needle));
            }
        }
        return findings;
    }

    /** Every record of every topic on the broker, internal ones included, as bytes. */
    List<String> inRawTopics(Collection<String> needles) {
        var findings = new ArrayList<String>();
        Set<String> topics;
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            topics = admin.listTopics(new ListTopicsOptions()).names().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not list topics", e);
        }
        for (String topic : topics) {
            if (topic.startsWith("__")) {
                continue; // the broker's own: offsets, transactions
            }
            for (var record : readAll(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                for (String needle : needles) {
                    if (contains(record.key(), needle) || contains(record.value(), needle)) {
                        findings.add(topic + "@" + record.offset() + " (raw): " + needle);
                    }
                }
            }
        }
        return findings;
    }

    /** Every file under the services' state directories (RocksDB stores, checkpoints). */
    static List<String> inFiles(Collection<Path> roots, Collection<String> needles) {
        var findings = new ArrayList<String>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (IOException vanished) {
                        return; // RocksDB compacts while we look
                    }
                    needles.stream().filter(needle -> contains(bytes, needle))
                            .forEach(needle -> findings.add(file + ": " + needle));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return findings;
    }

    private static String opened(Object value, PersonKeyLookup keys) {
        if (value instanceof GenericRecord record && record.hasField("lead")
                && record.get("lead") instanceof GenericRecord lead && lead.hasField("sealedContact")
                && lead.get("sealedContact") instanceof ByteBuffer sealed) {
            byte[] bytes = new byte[sealed.remaining()];
            sealed.duplicate().get(bytes);
            return ContactSeal.open(bytes, keys).map(Object::toString).orElse("");
        }
        return "";
    }

    private static boolean contains(byte[] haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        byte[] bytes = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + bytes.length <= haystack.length; i++) {
            for (int j = 0; j < bytes.length; j++) {
                if (haystack[i + j] != bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private <K, V> List<ConsumerRecord<K, V>> readAll(String topic, Deserializer<K> keys, Deserializer<V> values) {
        try (var consumer = new KafkaConsumer<>(config(), keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var records = new ArrayList<ConsumerRecord<K, V>>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", "erasure-scan-" + UUID.randomUUID());
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        return config;
    }
}
