package io.leadloop.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.leadloop.events.LeadCaptured;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.schemas.privacy.PersonalData;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerdeConfig;
import io.leadloop.testsupport.LeadLoopInfrastructure;

/**
 * What is on a topic right now, as a consumer with read_committed sees it: every partition read from the start up
 * to its current end, with a fresh consumer group. What intake's tests assert a {@code 2xx} left behind.
 */
public final class PublishedRecords {

    private PublishedRecords() {
    }

    /**
     * The captured leads that match, e.g. of one campaign or with one platform lead id, as a consumer reads them:
     * the sealed contact opened through {@link PersonalData} into the plaintext fields.
     */
    public static List<ConsumerRecord<String, LeadCaptured>> capturedLeads(Predicate<LeadCaptured> matching) {
        PersonalData personalData = new PersonalData(keyRing());
        return rawCapturedLeads(lead -> true).stream()
                .map(record -> {
                    var opened = LeadCaptured.newBuilder(record.value()).build();
                    opened.setLead(personalData.opened(record.value().getLead()));
                    return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                            opened);
                })
                .filter(r -> matching.test(r.value())).toList();
    }

    /** The captured leads that match, as published: contact sealed. */
    public static List<ConsumerRecord<String, LeadCaptured>> rawCapturedLeads(Predicate<LeadCaptured> matching) {
        var values = new AvroDeserializer<>(LeadCaptured.class);
        values.configure(config(), false);
        return readToEnd(Topics.LEADS_CAPTURED.name(), values).stream().filter(r -> matching.test(r.value())).toList();
    }

    private static PersonKeyRing ring;

    /** One reader of the keys topic for the whole test JVM (the infrastructure is one per JVM too). */
    public static synchronized PersonKeyRing keyRing() {
        if (ring == null) {
            ring = PersonKeyRing.start(config(), Duration.ofSeconds(10));
        }
        return ring;
    }

    /** The captured leads of one campaign. */
    public static List<ConsumerRecord<String, LeadCaptured>> capturedLeadsOf(String campaign) {
        return capturedLeads(lead -> campaign.equals(lead.getLead().getSource().getCampaignId()));
    }

    /** Every record on the topic, values read by the deserializer. */
    public static <V> List<ConsumerRecord<String, V>> readToEnd(String topic, Deserializer<V> values) {
        try (var consumer = new KafkaConsumer<>(config(), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var records = new ArrayList<ConsumerRecord<String, V>>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Map<String, Object> config() {
        var infrastructure = LeadLoopInfrastructure.get();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl());
        return config;
    }
}
