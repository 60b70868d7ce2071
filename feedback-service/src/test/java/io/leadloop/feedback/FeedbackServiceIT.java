package io.leadloop.feedback;

import static io.leadloop.feedback.LeadMother.aLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerdeConfig;
import io.leadloop.schemas.serde.AvroSerializer;
import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real broker and the real schema registry: a lead captured upstream becomes known, a
 * poison record is parked while the next lead is still counted, feedback posted over HTTP is published and moves
 * the campaign's numbers.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.streams.properties.commit.interval.ms=100")
class FeedbackServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private StreamsBuilderFactoryBean streams;

    @DynamicPropertySource
    static void freshStateDirectory(DynamicPropertyRegistry registry) throws IOException {
        String stateDir = Files.createTempDirectory("feedback-it-streams").toString();
        registry.add("spring.kafka.streams.state-dir", () -> stateDir);
    }

    /** The runner's readiness check, and ours: UP only once Kafka Streams runs and the funnel can answer. */
    @BeforeEach
    void awaitHealthyWithKafkaStreamsRunning() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).at("/components/kafkaStreams/details/state").asString())
                    .isIn("RUNNING", "REBALANCING");
        });
    }

    @Test
    void recordsFeedbackForACapturedLeadAndMovesItsCampaignsNumbers() throws Exception {
        String campaignId = "it-campaign-" + UUID.randomUUID();
        LeadMother lead = aLead().inCampaign(campaignId);
        String poisonKey = "poison-" + UUID.randomUUID();

        produceRaw(Topics.LEADS_CAPTURED.name(), poisonKey, "definitely not Avro".getBytes(StandardCharsets.UTF_8));
        produceCaptured(lead);

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> campaign = get("/api/v1/campaigns/" + campaignId);
            assertThat(campaign.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(campaign.body()).get("captured").asLong()).isEqualTo(1);
        });
        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (var consumer = consumer(new ByteArrayDeserializer(), Topics.LEADS_CAPTURED.deadLetter())) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).filteredOn(record -> poisonKey.equals(record.key())).singleElement()
                        .satisfies(record -> assertThat(record.headers().lastHeader(DeadLetterTopicHandler.EXCEPTION_FQCN))
                                .isNotNull());
            });
        }

        HttpResponse<String> recorded = post("/api/v1/leads/" + lead.leadId() + "/feedback", """
                {"outcome": "WON", "amount": 1200.00, "currency": "USD", "repId": "rep-ana",
                 "occurredAt": "2026-01-23T10:15:30Z"}""");
        assertThat(recorded.statusCode()).isEqualTo(202);
        String eventId = JSON.readTree(recorded.body()).get("eventId").asString();
        assertThat(JSON.readTree(recorded.body()).get("leadId").asString()).isEqualTo(lead.leadId());

        List<FeedbackRecorded> published = new ArrayList<>();
        try (var consumer = consumer(new AvroDeserializer<>(FeedbackRecorded.class), Topics.FEEDBACK_RECORDED.name())) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> published.add(record.value()));
                assertThat(published).filteredOn(event -> eventId.equals(event.getEventId())).singleElement()
                        .satisfies(event -> {
                            assertThat(event.getLeadId()).isEqualTo(lead.leadId());
                            assertThat(event.getCampaignId()).isEqualTo(campaignId);
                            assertThat(event.getAmount()).isEqualTo(new BigDecimal("1200.00"));
                            assertThat(event.getRecordedVia()).isEqualTo("api");
                        });
            });
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> campaign = get("/api/v1/campaigns/" + campaignId);
            JsonNode numbers = JSON.readTree(campaign.body());
            assertThat(numbers.get("won").asLong()).isEqualTo(1);
            assertThat(numbers.get("accepted").asLong()).isEqualTo(1);
            assertThat(numbers.get("revenue").get("USD").decimalValue()).isEqualTo(new BigDecimal("1200.00"));
            assertThat(campaign.body()).contains("\"revenue\":{\"USD\":1200.00}");
        });
        assertThat(get("/v3/api-docs").body())
                .contains("/api/v1/leads/{leadId}/feedback", "/api/v1/campaigns/{campaignId}");
    }

    /**
     * The factory bean stopped and started (an operator's restart through the lifecycle, Spring's test framework
     * pausing and resuming this cached context) creates a new Streams client. Reads must follow it: through Spring
     * Kafka's query service, which keeps the first client, they answered 503 funnel-not-ready for good.
     */
    @Test
    void answersTheFunnelAndTakesFeedbackAgainAfterItsStreamsClientWasRestarted() throws Exception {
        String campaignId = "it-campaign-" + UUID.randomUUID();
        LeadMother lead = aLead().inCampaign(campaignId);
        produceCaptured(lead);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get("/api/v1/campaigns/" + campaignId).statusCode())
                .isEqualTo(200));

        streams.stop();
        streams.start();

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> campaign = get("/api/v1/campaigns/" + campaignId);
            assertThat(campaign.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(campaign.body()).get("captured").asLong()).isEqualTo(1);
            assertThat(post("/api/v1/leads/" + lead.leadId() + "/feedback", "{\"outcome\": \"ACCEPTED\"}")
                    .statusCode()).as("the lead read from its own store").isEqualTo(202);
        });
    }

    /** 503 funnel-not-ready is a fair answer while Streams still restores after start; the 404 comes after. */
    @Test
    void answersUnknownLeadsAndCampaignsWithProblems() {
        String leadId = "never-captured-" + UUID.randomUUID();
        String campaignId = "never-run-" + UUID.randomUUID();

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> feedback = post("/api/v1/leads/" + leadId + "/feedback", "{\"outcome\": \"ACCEPTED\"}");
            assertThat(feedback.statusCode()).isEqualTo(404);
            assertThat(feedback.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(feedback.body()).get("type").asString())
                    .isEqualTo("https://leadloop.io/problems/unknown-lead");
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> campaign = get("/api/v1/campaigns/" + campaignId);
            assertThat(campaign.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(campaign.body()).get("type").asString())
                    .isEqualTo("https://leadloop.io/problems/unknown-campaign");
        });
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void produceCaptured(LeadMother lead) throws Exception {
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(registry(), false);
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.LEADS_CAPTURED.name(), lead.leadId(), lead.captured())).get();
        }
    }

    private static void produceRaw(String topic, String key, byte[] value) throws Exception {
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static <V> KafkaConsumer<String, V> consumer(Deserializer<V> values, String topic) {
        values.configure(registry(), false);
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "feedback-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    private static Map<String, Object> registry() {
        return Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, LeadLoopInfrastructure.get().schemaRegistryUrl());
    }
}
