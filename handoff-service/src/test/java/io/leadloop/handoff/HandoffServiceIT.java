package io.leadloop.handoff;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.Priority;
import io.leadloop.events.RepRosterChanged;
import io.leadloop.handoff.delivery.WebhookStub;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.sla.SlaPolicy;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerializer;
import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as deployed: a score on the real broker, Avro through the real Apicurio registry, the handoff read
 * back from the output topic and over HTTP, and a poison record parked on the dead-letter topic.
 */
@WithRealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "spring.kafka.streams.properties.num.stream.threads=1"})
class HandoffServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SlaPolicy sla;

    @Autowired
    RepRoster roster;

    @Autowired
    StreamsBuilderFactoryBean streams;

    private final HttpClient http = HttpClient.newHttpClient();

    private static final String SECRET = "whsec-it-0123456789abcdef";
    private static WebhookStub crm;

    @DynamicPropertySource
    static void freshStateDirAndACrmEndpoint(DynamicPropertyRegistry registry) throws IOException {
        Path stateDir = Files.createTempDirectory("handoff-it-state");
        registry.add("spring.kafka.streams.state-dir", stateDir::toString);
        crm = new WebhookStub();
        registry.add("leadloop.handoff.delivery.url", () -> crm.url().toString());
        registry.add("leadloop.handoff.delivery.secret", () -> SECRET);
        registry.add("leadloop.handoff.delivery.group-id", () -> "handoff-delivery-it-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopCrm() {
        crm.close();
    }

    @Test
    void handsOffAnMqlAfterParkingAPoisonRecordAndAnswersItsHandoffOverHttp() throws Exception {
        String poisonKey = "lead-poison-" + UUID.randomUUID();
        byte[] poison = "{\"not\": \"confluent avro\"}".getBytes(StandardCharsets.UTF_8);
        LeadScored lead = aScoredLead().mql().hot().build();

        Instant before = Instant.now().minusSeconds(1);
        try (var raw = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.LEADS_SCORED.name(), poisonKey, poison)).get();
        }
        try (var avro = new KafkaProducer<>(producerConfig(), new StringSerializer(), scoredSerializer())) {
            avro.send(new ProducerRecord<>(Topics.LEADS_SCORED.name(), lead.getLeadId(), lead)).get();
        }

        LeadHandedOff handoff = awaitHandoffOf(lead.getLeadId());
        assertThat(handoff.getOwnerRepId()).isIn("rep-ana", "rep-bo", "rep-cy");
        // Who is eligible depends on the hour: reps outside their team's working hours are skipped.
        assertThat(handoff.getRoutingReason()).startsWith("round robin: " + handoff.getOwnerRepId() + " was next of ");
        assertThat(handoff.getRoutingTrace()).isNotEmpty();
        assertThat(handoff.getOccurredAt()).isAfter(before);
        String team = roster.reps().stream().filter(rep -> rep.id().equals(handoff.getOwnerRepId())).findFirst()
                .orElseThrow().team();
        assertThat(handoff.getSlaDueAt()).isEqualTo(sla.dueAt(Priority.HOT, team, handoff.getOccurredAt()));
        assertThat(handoff.getLead().getSource().getCampaignId()).isEqualTo(lead.getLead().getSource().getCampaignId());

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(poisonKey);
        assertThat(deadLetter.value()).isEqualTo(poison);
        Header cause = deadLetter.headers().lastHeader(DeadLetterTopicHandler.EXCEPTION_FQCN);
        assertThat(cause).isNotNull();
        assertThat(new String(cause.value(), StandardCharsets.UTF_8)).endsWith("SerializationException");

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/handoffs/" + lead.getLeadId());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("leadId").asString()).isEqualTo(lead.getLeadId());
            assertThat(body.get("ownerRepId").asString()).isEqualTo(handoff.getOwnerRepId());
            assertThat(body.get("routingReason").asString()).isEqualTo(handoff.getRoutingReason());
            assertThat(Instant.parse(body.get("slaDueAt").asString())).isEqualTo(handoff.getSlaDueAt());
            assertThat(Instant.parse(body.get("handedOffAt").asString())).isEqualTo(handoff.getOccurredAt());
            assertThat(body.get("priority").asString()).isEqualTo("HOT");
            assertThat(body.get("score").asInt()).isEqualTo(lead.getScore());
            assertThat(body.get("slaStatus").asString()).isEqualTo("RUNNING");
        });
        JsonNode queue = json.readTree(get("/api/v1/reps/" + handoff.getOwnerRepId() + "/queue").body());
        assertThat(texts(queue.get("leads"), "leadId"))
                .contains(lead.getLeadId());
        assertThat(get("/actuator/prometheus").body()).as("counted for an operator's dashboard")
                .contains("leadloop_handoff_leads_handed_off_total{priority=\"HOT\"}")
                .contains("leadloop_handoff_first_touch_seconds_bucket")
                .contains("leadloop_person_keys_miss_waits_seconds_count")
                .contains("leadloop_person_keys_reading 1.0");

        // The reference CRM connector delivered it, signed.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(crm.received())
                .anySatisfy(received -> {
                    assertThat(received.eventId()).isEqualTo(handoff.getEventId());
                    assertThat(received.leadId()).isEqualTo(lead.getLeadId());
                    assertThat(received.signature()).isNotBlank();
                    assertThat(json.readTree(received.body()).get("ownerRepId").asString())
                            .isEqualTo(handoff.getOwnerRepId());
                }));
    }

    @Test
    void changesTheRosterThroughTheApiAndAuditsItOnTheCompactedRosterTopic() throws Exception {
        String repId = "rep-it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/reps/" + repId))
                .header("Content-Type", "application/json").header("X-Actor", "sales-ops")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name": "It Rep", "team": "inbound-emea", "weight": 2, "territories": ["DE"]}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(202);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(texts(json.readTree(get("/api/v1/reps").body())
                .get("reps"), "id")).contains(repId));
        RepRosterChanged change = awaitRosterChangeOf(repId);
        assertThat(change.getChangedBy()).isEqualTo("sales-ops");
        assertThat(change.getWeight()).isEqualTo(2);
        assertThat(change.getTerritories()).containsExactly("DE");

        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/reps/" + repId)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(texts(json.readTree(get("/api/v1/reps").body())
                .get("reps"), "id")).doesNotContain(repId));
    }

    private static List<String> texts(JsonNode array, String field) {
        var texts = new ArrayList<String>();
        for (JsonNode element : array) {
            texts.add(element.get(field).asString());
        }
        return texts;
    }

    private RepRosterChanged awaitRosterChangeOf(String repId) {
        var deserializer = new AvroDeserializer<>(RepRosterChanged.class);
        deserializer.configure(registryConfig(), false);
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(Topics.HANDOFF_ROSTER.name()));
            List<RepRosterChanged> changes = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (repId.equals(record.key())) {
                        changes.add(record.value());
                    }
                });
                assertThat(changes).isNotEmpty();
            });
            return changes.getFirst();
        }
    }

    /**
     * The factory bean stopped and started (an operator's restart through the lifecycle, Spring's test framework
     * pausing and resuming this cached context) creates a new Streams client. Reads must follow it: through Spring
     * Kafka's query service, which keeps the first client, they answered 503 for good while health said UP.
     */
    @Test
    void answersHandoffsQueuesAndTheRosterAgainAfterItsStreamsClientWasRestarted() throws Exception {
        LeadScored lead = aScoredLead().mql().hot().build();
        try (var avro = new KafkaProducer<>(producerConfig(), new StringSerializer(), scoredSerializer())) {
            avro.send(new ProducerRecord<>(Topics.LEADS_SCORED.name(), lead.getLeadId(), lead)).get();
        }
        String handoff = "/api/v1/handoffs/" + lead.getLeadId();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(handoff).statusCode()).isEqualTo(200));
        String owner = json.readTree(get(handoff).body()).get("ownerRepId").asString();

        streams.stop();
        streams.start();

        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get(handoff);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("ownerRepId").asString()).isEqualTo(owner);
            assertThat(get("/api/v1/reps/" + owner + "/queue").statusCode()).isEqualTo(200);
            assertThat(get("/api/v1/reps").statusCode()).isEqualTo(200);
        });
    }

    @Test
    void answersNotFoundProblemForALeadThatWasNeverHandedOff() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> response = get("/api/v1/handoffs/lead-never-" + UUID.randomUUID());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("type").asString())
                    .isEqualTo("https://leadloop.io/problems/handoff-not-found");
        });
    }

    @Test
    void isHealthyOnceKafkaStreamsRunsAndServesTheConfiguredRosterAndApiDocs() throws Exception {
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json.readTree(health.body()).path("components").path("kafkaStreams").path("status").asString())
                    .isEqualTo("UP");
        });

        JsonNode roster = json.readTree(get("/api/v1/reps").body());
        assertThat(roster.get("reps").size()).isEqualTo(3);
        assertThat(roster.get("reps").get(0).get("id").asString()).isEqualTo("rep-ana");
        assertThat(json.readTree(get("/v3/api-docs").body()).path("paths").propertyNames())
                .contains("/api/v1/handoffs/{leadId}", "/api/v1/reps", "/api/v1/reps/{repId}", "/api/v1/reps/{repId}/queue");
    }

    private LeadHandedOff awaitHandoffOf(String leadId) {
        var deserializer = new AvroDeserializer<>(LeadHandedOff.class);
        deserializer.configure(registryConfig(), false);
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(Topics.LEADS_HANDED_OFF.name()));
            List<LeadHandedOff> handoffs = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (leadId.equals(record.key())) {
                        handoffs.add(record.value());
                    }
                });
                assertThat(handoffs).hasSize(1);
            });
            return handoffs.getFirst();
        }
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.LEADS_SCORED.deadLetter()));
            List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (key.equals(record.key())) {
                        deadLetters.add(record);
                    }
                });
                assertThat(deadLetters).hasSize(1);
            });
            return deadLetters.getFirst();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static AvroSerializer<LeadScored> scoredSerializer() {
        var serializer = new AvroSerializer<LeadScored>();
        serializer.configure(registryConfig(), false);
        return serializer;
    }

    private static Map<String, Object> registryConfig() {
        return Map.of("schema.registry.url", LeadLoopInfrastructure.get().schemaRegistryUrl());
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LeadLoopInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "handoff-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
}
