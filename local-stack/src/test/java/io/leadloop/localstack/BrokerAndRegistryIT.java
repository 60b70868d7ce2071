package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The infrastructure half of the local stack, started through the same launcher as {@code ./leadloop up}: a real
 * KRaft broker and the real Apicurio registry, on free ports, with state in a temp directory.
 */
class BrokerAndRegistryIT {

    @TempDir
    static Path home;

    static LocalStack stack;

    @BeforeAll
    static void startBrokerAndRegistry() {
        stack = TestStacks.start(home, Part.KAFKA, Part.REGISTRY);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void brokerAcceptsAndDeliversRecordsOnExplicitlyCreatedTopics() throws Exception {
        String topic = "local-stack.it." + UUID.randomUUID();
        createTopic(topic);

        produce(topic, "lead-1", "captured");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(consumeAll(topic)).containsExactly("lead-1=captured"));
    }

    @Test
    void brokerRefusesToCreateTopicsByAccident() {
        String topic = "local-stack.never-created." + UUID.randomUUID();

        // With auto-creation off, a producer to an unknown topic waits for metadata and gives up.
        assertThatThrownBy(() -> {
            try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000))) {
                producer.send(new ProducerRecord<>(topic, "k", "v")).get();
            }
        }).hasStackTraceContaining("not present in metadata");
    }

    @Test
    void registryServesTheConfluentApiWithBackwardCompatibility() {
        String subject = "local-stack-it-" + UUID.randomUUID() + "-value";
        String url = stack.schemaRegistryUrl() + "/subjects/" + subject + "/versions";

        var registered = Http.postJson(url, schemaRequest(
                "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"leadId\",\"type\":\"string\"}]}"));
        var breaking = Http.postJson(url, schemaRequest(
                "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"leadId\",\"type\":\"string\"},"
                        + "{\"name\":\"score\",\"type\":\"int\"}]}"));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).containsPattern("\"id\"\\s*:\\s*\\d+");
        assertThat(breaking.statusCode()).as(breaking.body()).isEqualTo(409);
        assertThat(Http.get(stack.schemaRegistryUrl() + "/config").body()).contains("BACKWARD");
    }

    @Test
    void brokerKeepsItsRecordsWhenKilledAndRestarted() throws Exception {
        String topic = "local-stack.crash." + UUID.randomUUID();
        createTopic(topic);
        produce(topic, "lead-2", "scored");

        stack.kill(Part.KAFKA);
        assertThat(stack.status()).filteredOn(s -> s.part() == Part.KAFKA).singleElement()
                .extracting(PartStatus::running).isEqualTo(false);
        stack.restart(Part.KAFKA);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(consumeAll(topic)).containsExactly("lead-2=scored"));
    }

    @Test
    void refusesToStartASecondStackOnTheSameHome() {
        assertThatThrownBy(() -> LocalStack.start(stack.config()))
                .isInstanceOf(LocalStack.AlreadyRunning.class)
                .hasMessageContaining("kafka");
    }

    @Test
    void reportsEveryRunningPartHealthy() {
        assertThat(stack.status()).extracting(PartStatus::part).containsExactly(Part.KAFKA, Part.REGISTRY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(stack.status()).allSatisfy(status -> {
                    assertThat(status.running()).isTrue();
                    assertThat(status.health().up()).as(status.toString()).isTrue();
                }));
    }

    private static String schemaRequest(String avsc) {
        return "{\"schema\":\"" + avsc.replace("\"", "\\\"") + "\"}";
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    private static void produce(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the start with a fresh group, so no test sees another's offsets. */
    private static List<String> consumeAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(5))) {
                seen.add(record.key() + "=" + record.value());
            }
        }
        return seen;
    }
}
