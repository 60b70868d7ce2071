package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop, driven the way a person drives it: the complete stack started by the same launcher as
 * {@code ./leadloop up} (real broker, real registry, the four service jars as separate processes), and nothing
 * but HTTP calls against the services' public APIs.
 */
class LeadLoopEndToEndIT {

    private static final Duration LOOP_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    static LocalStack stack;

    @BeforeAll
    static void startWholeStack() {
        stack = TestStacks.start(home);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void carriesAQualifyingLeadAroundTheLoopUntilItsRevenueShowsOnTheCampaign() {
        String campaignId = "e2e-" + UUID.randomUUID();

        HttpResponse<String> captured = Http.postJson(intake("/api/v1/leads"), LeadRequests.qualifyingLead(campaignId));
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(202);
        String leadId = json(captured).path("leadId").asString();
        assertThat(leadId).isNotBlank();

        await("lead scored as MQL").atMost(LOOP_TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> score = Http.get(service(Part.QUALIFICATION, "/api/v1/leads/" + leadId + "/score"));
            assertThat(score.statusCode()).as(score.body()).isEqualTo(200);
            assertThat(json(score).path("stage").asString()).isEqualTo("MQL");
        });

        AtomicReference<String> owner = new AtomicReference<>();
        await("lead handed off to a rep").atMost(LOOP_TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> handoff = Http.get(service(Part.HANDOFF, "/api/v1/handoffs/" + leadId));
            assertThat(handoff.statusCode()).as(handoff.body()).isEqualTo(200);
            JsonNode body = json(handoff);
            assertThat(body.path("ownerRepId").asString()).isNotBlank();
            assertThat(body.path("slaDueAt").asString()).isNotBlank();
            owner.set(body.path("ownerRepId").asString());
        });

        await("capture counted on the campaign").atMost(LOOP_TIMEOUT).untilAsserted(() ->
                assertThat(campaign(campaignId).path("captured").asInt()).isEqualTo(1));

        String occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        HttpResponse<String> feedback = Http.postJson(service(Part.FEEDBACK, "/api/v1/leads/" + leadId + "/feedback"),
                LeadRequests.wonFeedback(owner.get(), occurredAt));
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(202);

        await("won revenue on the campaign").atMost(LOOP_TIMEOUT).untilAsserted(() -> {
            JsonNode numbers = campaign(campaignId);
            assertThat(numbers.path("campaignId").asString()).isEqualTo(campaignId);
            assertThat(numbers.path("won").asInt()).isEqualTo(1);
            assertThat(new BigDecimal(numbers.path("revenue").path("USD").asString()))
                    .isEqualByComparingTo("1200.00");
        });
        JsonNode numbers = campaign(campaignId);
        assertThat(numbers.path("captured").asInt()).isEqualTo(1);
        assertThat(numbers.path("qualified").asInt()).isEqualTo(1);
        assertThat(numbers.path("handedOff").asInt()).isEqualTo(1);
        assertThat(numbers.path("lost").asInt()).isZero();
        assertThat(numbers.path("rejected").asInt()).isZero();
    }

    /**
     * Issue 9: a person captured, handed off and won is erased; afterwards no API, no state store and no topic
     * (every event topic decoded, sealed contacts opened as a consumer would; every topic as raw bytes) yields their
     * email, phone or name, and the campaign's numbers are what they were.
     */
    @Test
    void erasesAPersonFromEveryCopyWhileTheCampaignKeepsItsNumbers() {
        String campaignId = "e2e-erasure-" + UUID.randomUUID();
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String email = "erin." + unique + "@acme.io";
        String phone = "+1415" + (2_000_000 + Math.abs(unique.hashCode() % 7_000_000));
        String firstName = "Erin" + unique;
        String lastName = "Quill" + unique;
        HttpResponse<String> captured = Http.postJson(intake("/api/v1/leads"), LeadRequests.qualifyingLead(campaignId)
                .replace("ana.silva@acme.io", email).replace("+1 415 555 0100", phone)
                .replace("\"Ana\"", "\"" + firstName + "\"").replace("\"Silva\"", "\"" + lastName + "\""));
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(202);
        String leadId = json(captured).path("leadId").asString();
        AtomicReference<String> owner = new AtomicReference<>();
        await("lead handed off").atMost(LOOP_TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> handoff = Http.get(service(Part.HANDOFF, "/api/v1/handoffs/" + leadId));
            assertThat(handoff.statusCode()).as(handoff.body()).isEqualTo(200);
            owner.set(json(handoff).path("ownerRepId").asString());
        });
        await("capture counted").atMost(LOOP_TIMEOUT).untilAsserted(() ->
                assertThat(campaign(campaignId).path("handedOff").asInt()).isEqualTo(1));
        assertThat(Http.postJson(service(Part.FEEDBACK, "/api/v1/leads/" + leadId + "/feedback"),
                LeadRequests.wonFeedback(owner.get(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()))
                .statusCode()).isEqualTo(202);
        await("won revenue on the campaign").atMost(LOOP_TIMEOUT).untilAsserted(() ->
                assertThat(campaign(campaignId).path("won").asInt()).isEqualTo(1));
        JsonNode numbersBefore = campaign(campaignId);
        var needles = java.util.List.of(email, phone, firstName, lastName);
        var scan = new PersonalDataScan(stack.bootstrapServers(), stack.schemaRegistryUrl());
        try (var keys = io.leadloop.schemas.privacy.PersonKeyRing.start(scan.config(), Duration.ofSeconds(10))) {
            assertThat(scan.inDecodedEvents(needles, keys)).as("a consumer reads the person before erasure")
                    .anySatisfy(finding -> assertThat(finding).contains("leads.handed-off.v1"))
                    .anySatisfy(finding -> assertThat(finding).contains(email));

            HttpResponse<String> erased = Http.postJson(intake("/api/v1/privacy/erasures"),
                    "{\"email\": \"" + email + "\", \"requestedBy\": \"e2e\"}");
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
            assertThat(json(erased).path("leadIds").get(0).asString()).isEqualTo(leadId);

            // Every copy opens to nothing as soon as the key's tombstone is read.
            await("every sealed copy unreadable").atMost(LOOP_TIMEOUT).untilAsserted(() ->
                    assertThat(scan.inDecodedEvents(needles, keys)).isEmpty());
            assertThat(scan.inRawTopics(needles)).isEmpty();
            assertThat(PersonalDataScan.inFiles(Part.services().stream()
                    .map(part -> stack.config().dataDir(part)).toList(), needles)).isEmpty();
            for (String api : java.util.List.of(service(Part.HANDOFF, "/api/v1/handoffs/" + leadId),
                    service(Part.HANDOFF, "/api/v1/reps/" + owner.get() + "/queue"),
                    service(Part.QUALIFICATION, "/api/v1/leads/" + leadId + "/score"),
                    service(Part.FEEDBACK, "/api/v1/campaigns/" + campaignId),
                    intake("/api/v1/privacy/erasures/" + json(erased).path("erasureId").asString()))) {
                String body = Http.get(api).body();
                assertThat(needles).as(api).noneSatisfy(needle -> assertThat(body).contains(needle));
            }
        }
        JsonNode numbersAfter = campaign(campaignId);
        for (String number : java.util.List.of("captured", "qualified", "handedOff", "won")) {
            assertThat(numbersAfter.path(number).asInt()).as(number).isEqualTo(numbersBefore.path(number).asInt());
        }
        assertThat(numbersAfter.path("revenue")).isEqualTo(numbersBefore.path("revenue"));
    }

    @Test
    void rejectsALeadWithAnInvalidEmailAsAProblemNamingTheField() {
        HttpResponse<String> response = Http.postJson(intake("/api/v1/leads"),
                LeadRequests.leadWithInvalidEmail("e2e-" + UUID.randomUUID()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("email");
    }

    @Test
    void rejectsMalformedJsonAsAProblem() {
        HttpResponse<String> response = Http.postJson(intake("/api/v1/leads"), LeadRequests.truncatedJson());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void reportsEveryPartRunningAndHealthy() {
        assertThat(stack.status()).hasSize(Part.values().length).allSatisfy(status -> {
            assertThat(status.running()).as(status.part().id()).isTrue();
            assertThat(status.health().up()).as(status.toString()).isTrue();
        });
    }

    private static JsonNode campaign(String campaignId) {
        HttpResponse<String> response = Http.get(service(Part.FEEDBACK, "/api/v1/campaigns/" + campaignId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String intake(String path) {
        return service(Part.INTAKE, path);
    }

    private static String service(Part part, String path) {
        return stack.serviceUrl(part) + path;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
