package io.leadloop.intake.webhooks;

import static io.leadloop.intake.webhooks.hubspot.HubSpotFormSubmissionMother.aRealisticFormSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.leadloop.intake.IsolatedKafkaStreams;
import io.leadloop.intake.PublishedRecords;
import io.leadloop.events.LeadCaptured;
import io.leadloop.intake.sources.Signatures;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platforms' documented payloads posted to {@code /webhooks/{source}} against a real broker and registry:
 * what each platform sees, and what lands on {@code leads.captured.v1}.
 */
@WithRealInfrastructure
@IsolatedKafkaStreams
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadloop.intake.sources.google-ads.type=google-ads",
        // The key the documented sample carries, so the sample is posted byte for byte.
        "leadloop.intake.sources.google-ads.secret=xfdgdgsgfchgvhgfchg",
        "leadloop.intake.sources.typeform.type=typeform",
        "leadloop.intake.sources.typeform.secret=" + WebhooksIT.TYPEFORM_SECRET,
        "leadloop.intake.sources.hubspot.type=hubspot",
        "leadloop.intake.sources.hubspot.secret=" + WebhooksIT.HUBSPOT_SECRET,
        "leadloop.intake.sources.hubspot.max-signature-age=5m"})
class WebhooksIT {

    static final String TYPEFORM_SECRET = "test-typeform-secret";
    static final String HUBSPOT_SECRET = "test-hubspot-client-secret";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** As a sender would on 503: wait until intake is ready (its identity stores restored). */
    @BeforeEach
    void awaitReady() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.send(
                HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
    }

    @Test
    void takesGooglesSampleLeadAndAnswersARedeliveryTheSameWithoutPublishingAgain() throws Exception {
        byte[] sample = Payloads.bytes("google-ads-lead.json");

        var first = post("/webhooks/google-ads", sample, Map.of());
        var again = post("/webhooks/google-ads", sample, Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("{}");
        assertThat(capturedLeadsFrom("CKbai8W4xN4CFcoFrwkdyHEByw")).singleElement().satisfies(record -> {
            LeadCaptured event = record.value();
            assertThat(event.getTest()).isTrue();
            assertThat(event.getLead().getEmail()).isEqualTo("abc@xyz.com");
            assertThat(event.getLead().getFirstName()).isEqualTo("John");
            assertThat(event.getLead().getPhone()).isEqualTo("+11234567890");
            assertThat(event.getLead().getSource().getChannel()).isEqualTo("google-ads");
            assertThat(event.getLead().getSource().getCampaignId()).isEqualTo("123456");
            assertThat(event.getLead().getSource().getFormId()).isEqualTo("1234");
            assertThat(event.getLead().getClickIds()).containsEntry("gclid", "CKbai8W4xN4CFcoFrwkdyHEByw");
            assertThat(event.getLead().getAttributes()).containsEntry("POSTAL_CODE", "94043");
        });
    }

    @Test
    void refusesAGoogleLeadWithAWrongKeyAndPublishesNothing() throws Exception {
        String leadId = "it-" + UUID.randomUUID();
        ObjectNode lead = Payloads.object("google-ads-lead.json").put("lead_id", leadId);
        lead.remove("Google_key");
        lead.put("google_key", "not-the-key");

        var response = post("/webhooks/google-ads", Payloads.toBytes(lead), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Payloads.json().readTree(response.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/unauthentic-delivery");
        assertThat(capturedLeadsFrom(leadId)).isEmpty();
    }

    @Test
    void refusesAMalformedGoogleBodyAsProblemDetails() throws Exception {
        var response = post("/webhooks/google-ads", "{\"lead_id\": ".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Payloads.json().readTree(response.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/malformed-json");
    }

    @Test
    void takesTypeformsExampleResponseSignedWithTheSecretAndRecognisesItsRedelivery() throws Exception {
        byte[] example = Payloads.bytes("typeform-form-response.json");
        var signed = Map.of("Typeform-Signature", typeformSignature(example));

        var first = post("/webhooks/typeform", example, signed);
        var again = post("/webhooks/typeform", example, signed);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode taken = Payloads.json().readTree(first.body());
        JsonNode repeated = Payloads.json().readTree(again.body());
        assertThat(repeated.get("leadId").asString()).isEqualTo(taken.get("leadId").asString());
        assertThat(repeated.get("repeat").asBoolean()).isTrue();
        assertThat(capturedLeadsFrom("a3a12ec67a1365927098a606107fac15")).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(taken.get("leadId").asString());
            assertThat(record.value().getLead().getEmail()).isEqualTo("laura@example.com");
            assertThat(record.value().getLead().getFirstName()).isEqualTo("Laura");
            assertThat(record.value().getLead().getSource().getChannel()).isEqualTo("typeform");
            assertThat(record.value().getLead().getSource().getFormId()).isEqualTo("lT4Z3j");
            assertThat(record.value().getLead().getAttributes()).containsEntry("readable_ref_picture_choice", "London, Sydney")
                    .containsEntry("user_id", "abc123456");
        });
    }

    @Test
    void refusesATypeformResponseWithAWrongSignatureAndPublishesNothing() throws Exception {
        String token = "it-" + UUID.randomUUID();
        ObjectNode response = Payloads.object("typeform-form-response.json");
        ((ObjectNode) response.get("form_response")).put("token", token);
        byte[] body = Payloads.toBytes(response);

        var refused = post("/webhooks/typeform", body, Map.of("Typeform-Signature",
                "sha256=" + Signatures.hmacSha256Base64("some-other-secret", body)));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(capturedLeadsFrom(token)).isEmpty();
    }

    @Test
    void takesAHubSpotFormSubmissionAndRecognisesHubSpotsRetry() throws Exception {
        String hutk = UUID.randomUUID().toString().replace("-", "");
        ObjectNode form = aRealisticFormSubmission("ana." + UUID.randomUUID() + "@acme.io");
        ((ObjectNode) form.get("context")).put("hutk", hutk);
        byte[] body = Payloads.toBytes(form);

        var first = postToHubSpot(body, System.currentTimeMillis());
        var retry = postToHubSpot(body, System.currentTimeMillis() + 1); // a retry is signed anew

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        String leadId = Payloads.json().readTree(first.body()).get("leadId").asString();
        assertThat(Payloads.json().readTree(retry.body()).get("leadId").asString()).isEqualTo(leadId);
        assertThat(Payloads.json().readTree(retry.body()).get("repeat").asBoolean()).isTrue();
        assertThat(capturedLeadsFrom(hutk + ":1767261600000")).singleElement().satisfies(record -> {
            var lead = record.value().getLead();
            assertThat(record.key()).isEqualTo(leadId);
            assertThat(lead.getFirstName()).isEqualTo("Ana");
            assertThat(lead.getSource().getChannel()).isEqualTo("hubspot");
            assertThat(lead.getSource().getLandingPage()).startsWith("https://acme.io/demo");
            assertThat(lead.getUtm().getSource()).isEqualTo("google");
            assertThat(lead.getClickIds()).containsEntry("gclid", "Cj0KCQ");
            assertThat(lead.getConsent().getSalesContact()).isTrue();
            assertThat(lead.getConsent().getMarketing()).isTrue();
            assertThat(lead.getConsent().getText()).startsWith("I agree to allow Acme");
        });
    }

    @Test
    void acknowledgesAHubSpotBatchTakingContactsWithDetailsAndSkippingTheRest() throws Exception {
        String contactId = Long.toString(System.nanoTime());
        ArrayNode batch = (ArrayNode) Payloads.json().readTree(
                Payloads.bytes("hubspot-webhook-contact-creation.v1-signature-example.json"));
        ObjectNode withDetails = batch.addObject().put("eventId", 2).put("subscriptionType", "contact.creation")
                .put("objectId", contactId).put("portalId", 62515);
        withDetails.putObject("properties").put("email", "contact." + contactId + "@acme.io").put("firstname", "Bo");
        batch.add(Payloads.json().readTree(Payloads.bytes("hubspot-webhook-deal-stage-change.json")));

        var response = postToHubSpot(Payloads.toBytes(batch), System.currentTimeMillis());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = Payloads.json().readTree(response.body());
        assertThat(answer.get("accepted").findValuesAsString("objectId")).containsExactly(contactId);
        assertThat(answer.get("skipped").findValuesAsString("reason"))
                .containsExactly("no-contact-details", "not-a-contact-event");
        assertThat(capturedLeadsFrom(contactId)).singleElement()
                .satisfies(record -> assertThat(record.value().getLead().getFirstName()).isEqualTo("Bo"));
        assertThat(capturedLeadsFrom("123")).isEmpty();
    }

    @Test
    void refusesHubSpotRequestsWithAWrongSignatureOrAStaleTimestamp() throws Exception {
        String hutk = UUID.randomUUID().toString();
        ObjectNode form = aRealisticFormSubmission("ana." + UUID.randomUUID() + "@acme.io");
        ((ObjectNode) form.get("context")).put("hutk", hutk);
        byte[] body = Payloads.toBytes(form);
        long now = System.currentTimeMillis();
        String path = "/webhooks/hubspot";

        var wrong = post(path, body, Map.of("X-HubSpot-Signature-v3",
                hubSpotSignature("another-secret", url(path), body, now), "X-HubSpot-Request-Timestamp", Long.toString(now)));
        long stale = now - Duration.ofMinutes(6).toMillis();
        var replayed = postToHubSpot(body, stale);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(Payloads.json().readTree(replayed.body()).get("detail").asString()).contains("older than");
        assertThat(capturedLeadsFrom(hutk + ":1767261600000")).isEmpty();
    }

    @Test
    void answersNotFoundForASourceThatIsNotConfigured() throws Exception {
        var response = post("/webhooks/not-configured", "{}".getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void documentsTheWebhookEndpointInTheOpenApiDocument() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode webhook = Payloads.json().readTree(response.body()).path("paths").path("/webhooks/{source}").path("post");
        assertThat(webhook.path("summary").asString()).isEqualTo("Receive a lead platform's webhook");
        assertThat(webhook.path("responses").propertyNames()).contains("200", "400", "401", "404", "503");
        assertThat(webhook.path("parameters").findValuesAsString("name")).containsExactly("source");
        JsonNode handshake = Payloads.json().readTree(response.body()).path("paths").path("/webhooks/{source}").path("get");
        assertThat(handshake.path("parameters").findValuesAsString("name"))
                .contains("source", "hub.verify_token", "hub.challenge", "challengeCode");
    }

    private HttpResponse<String> postToHubSpot(byte[] body, long timestamp) throws Exception {
        String path = "/webhooks/hubspot";
        return post(path, body, Map.of(
                "X-HubSpot-Signature-v3", hubSpotSignature(HUBSPOT_SECRET, url(path), body, timestamp),
                "X-HubSpot-Request-Timestamp", Long.toString(timestamp)));
    }

    private static String typeformSignature(byte[] body) {
        return "sha256=" + Signatures.hmacSha256Base64(TYPEFORM_SECRET, body);
    }

    /** As HubSpot signs: base64 HMAC-SHA256 of method + URL + body + timestamp. */
    private static String hubSpotSignature(String secret, String url, byte[] body, long timestamp) {
        var message = new java.io.ByteArrayOutputStream();
        message.writeBytes(("POST" + url).getBytes(StandardCharsets.UTF_8));
        message.writeBytes(body);
        message.writeBytes(Long.toString(timestamp).getBytes(StandardCharsets.UTF_8));
        return Signatures.hmacSha256Base64(secret, message.toByteArray());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        new LinkedHashMap<>(headers).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<ConsumerRecord<String, LeadCaptured>> capturedLeadsFrom(String sourceLeadId) {
        return PublishedRecords.capturedLeads(lead -> sourceLeadId.equals(lead.getSourceLeadId()));
    }
}
