package io.leadloop.schemas.serde;

import static io.leadloop.schemas.serde.LeadEvents.aLeadCaptured;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import io.leadloop.events.LeadCaptured;

/**
 * The same round trip as {@link AvroSerdeIT}, against Kafka and Apicurio as containers: the variant for machines
 * with a Docker engine (CI elsewhere, developers' laptops). Skipped where there is none, as on our build machines,
 * which use the in-JVM broker and the registry process instead.
 */
@Testcontainers(disabledWithoutDocker = true)
class AvroSerdeContainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:4.2.1"));

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>(DockerImageName.parse("apicurio/apicurio-registry:3.3.3"))
            .withEnv("APICURIO_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forStatusCode(200))
            .withStartupTimeout(Duration.ofMinutes(2));

    @Test
    void roundTripsALeadThroughKafkaAndTheRegistryInContainers() {
        String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8080) + "/apis/ccompat/v7";
        String topic = "containers-" + UUID.randomUUID();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(config, false);
        var deserializer = new AvroDeserializer<>(LeadCaptured.class);
        deserializer.configure(config, false);
        LeadCaptured lead = aLeadCaptured();

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()), new StringSerializer(), serializer);
             var consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            producer.send(new ProducerRecord<>(topic, lead.getLeadId(), lead)).get();
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, LeadCaptured> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records).singleElement().satisfies(record -> assertThat(record.value()).isEqualTo(lead));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
