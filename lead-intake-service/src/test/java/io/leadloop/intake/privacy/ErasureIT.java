package io.leadloop.intake.privacy;

import static io.leadloop.intake.PublishedRecords.capturedLeadsOf;
import static io.leadloop.intake.PublishedRecords.rawCapturedLeads;
import static io.leadloop.intake.PublishedRecords.readToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.PersonErased;
import io.leadloop.intake.IsolatedKafkaStreams;
import io.leadloop.intake.PublishedRecords;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.Contact;
import io.leadloop.schemas.privacy.PersonalData;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerdeConfig;
import io.leadloop.testsupport.LeadLoopInfrastructure;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sealing on capture and {@code POST /api/v1/privacy/erasures} against a real broker and registry. */
@WithRealInfrastructure
@IsolatedKafkaStreams
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeEach
    void awaitReady() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
    }

    @Test
    void publishesTheContactOnlySealedUnderThePersonsKey() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        String email = "ana." + UUID.randomUUID() + "@acme.io";

        String leadId = captured(postLead(lead(email, campaign)));

        assertThat(rawCapturedLeads(lead -> lead.getLeadId().equals(leadId))).singleElement().satisfies(record -> {
            var lead = record.value().getLead();
            assertThat(lead.getEmail()).isNull();
            assertThat(lead.getPhone()).isNull();
            assertThat(lead.getFirstName()).isNull();
            assertThat(lead.getJobTitle()).isNull();
            assertThat(lead.getPersonId()).isEqualTo(PersonIds.forLead(leadId));
            assertThat(lead.getSealedContact()).isNotNull();
            assertThat(new String(record.value().toByteBuffer().array(), StandardCharsets.ISO_8859_1))
                    .doesNotContain(email, "Silva");
        });
        assertThat(capturedLeadsOf(campaign)).singleElement()
                .satisfies(record -> assertThat(record.value().getLead().getEmail()).isEqualTo(email));
    }

    @Test
    void erasingByEmailShredsTheKeySoEveryCopyOpensToNothingAndTheNextSubmissionIsANewPerson() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        String email = "bo." + UUID.randomUUID() + "@acme.io";
        String leadId = captured(postLead(lead(email, campaign)));
        assertThat(JSON.readTree(postLead(lead(email, campaign + "-again")).body()).get("leadId")
                .asString()).as("the same person before erasure").isEqualTo(leadId);

        var erased = post("/api/v1/privacy/erasures",
                JSON.writeValueAsString(Map.of("email", email.toUpperCase(), "requestedBy", "dpo@acme.io")));

        assertThat(erased.statusCode()).isEqualTo(202);
        JsonNode erasure = JSON.readTree(erased.body());
        String erasureId = erasure.get("erasureId").asString();
        assertThat(erasure.get("leadIds").get(0).asString()).isEqualTo(leadId);
        assertThat(erasure.get("keysShredded").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(erased.body()).doesNotContain(email);
        PersonalData personalData = new PersonalData(PublishedRecords.keyRing());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(rawCapturedLeads(lead -> lead.getLeadId().equals(leadId)))
                        .hasSize(2)
                        .allSatisfy(record -> assertThat(personalData.contactOf(record.value().getLead()))
                                .isEqualTo(Contact.NONE)));
        var values = new AvroDeserializer<>(PersonErased.class);
        values.configure(config(), false);
        assertThat(readToEnd(Topics.PERSONS_ERASED.name(), values))
                .filteredOn(record -> record.value().getErasureId().equals(erasureId))
                .singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo(leadId);
                    assertThat(record.value().getPersonId()).isEqualTo(PersonIds.forLead(leadId));
                    assertThat(record.value().getLeadIds()).containsExactly(leadId);
                    assertThat(record.value().getRequestedBy()).isEqualTo("dpo@acme.io");
                    assertThat(record.value().toString()).doesNotContain(email);
                });
        var status = get("/api/v1/privacy/erasures/" + erasureId);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).get("status").asString()).isEqualTo("COMPLETED");

        JsonNode afterwards = JSON.readTree(postLead(lead(email, campaign + "-later")).body());
        assertThat(afterwards.get("leadId").asString()).as("forgotten: a new person").isNotEqualTo(leadId);
        assertThat(afterwards.get("touch").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAnErasureThatNamesNobodyNamingTheFields() throws Exception {
        var none = post("/api/v1/privacy/erasures", "{}");
        var bad = post("/api/v1/privacy/erasures", "{\"email\":\"not-an-email\",\"leadId\":\"x\"}");

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(bad.body());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(problem.get("type").asString()).isEqualTo("https://leadloop.io/problems/invalid-erasure");
        assertThat(problem.get("errors").findValuesAsString("pointer")).containsExactly("/email", "/leadId");
        assertThat(get("/api/v1/privacy/erasures/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void createsItsTopicsWithTheRetentionTheDesignDecided() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", LeadLoopInfrastructure.get().bootstrapServers()))) {
            var captured = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.LEADS_CAPTURED.name());
            var keys = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.PERSON_KEYS.name());
            var configs = admin.describeConfigs(java.util.List.of(captured, keys)).all().get();

            assertThat(configs.get(captured).get("retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(730).toMillis()));
            assertThat(configs.get(keys).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(keys).get("delete.retention.ms").value())
                    .isEqualTo(Long.toString(Duration.ofDays(1).toMillis()));
            assertThat(configs.get(keys).get("max.compaction.lag.ms").value())
                    .isEqualTo(Long.toString(Duration.ofHours(1).toMillis()));
        }
    }

    private static String lead(String email, String campaign) {
        return JSON.writeValueAsString(Map.of("email", email, "firstName", "Ana", "lastName", "Silva",
                "jobTitle", "VP Marketing",
                "phone", "+1 415 " + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000_000)),
                "company", Map.of("name", "Acme", "domain", "acme.io"),
                "source", Map.of("channel", "api", "campaignId", campaign),
                "consent", Map.of("marketing", true)));
    }

    private static String captured(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("leadId").asString();
    }

    /** As a sender does: a 503 means "not taken, send it again" (intake's identity store may still be restoring). */
    private HttpResponse<String> postLead(String json) {
        var answer = new java.util.concurrent.atomic.AtomicReference<HttpResponse<String>>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            answer.set(post("/api/v1/leads", json));
            assertThat(answer.get().statusCode()).as(answer.get().body()).isNotEqualTo(503);
        });
        return answer.get();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> config() {
        var infrastructure = LeadLoopInfrastructure.get();
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", infrastructure.bootstrapServers());
        config.put("group.id", "it-" + UUID.randomUUID());
        config.put("isolation.level", "read_committed");
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, infrastructure.schemaRegistryUrl());
        return config;
    }

    @SuppressWarnings("unused")
    private static LeadCaptured unused() {
        return null;
    }
}
