package io.leadloop.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.WebSourcesTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/leads/batch} through HTTP against the real broker and registry; and the API documentation. */
class BatchIntakeIT extends WebSourcesTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void takesTheValidLeadsOfABatchAndNamesTheInvalidOnesFieldsByPointer() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        var leads = List.of(aLead(campaign), aLead(campaign, "email", "ana@@acme"), aLead(campaign));

        var response = postBatch(JSON.writeValueAsString(leads), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(1);
        JsonNode results = body.get("results");
        assertThat(results.findValues("index")).extracting(JsonNode::asInt).containsExactly(0, 1, 2);
        assertThat(results.findValues("status")).extracting(JsonNode::asInt).containsExactly(202, 400, 202);
        assertThat(results.get(1).get("errors").findValuesAsString("pointer")).containsExactly("/1/email");
        // 200 promised durability for the accepted items: readable right now.
        assertThat(capturedLeadsOf(campaign)).extracting(record -> record.value().getLeadId())
                .containsExactlyInAnyOrder(results.get(0).get("leadId").asString(), results.get(2).get("leadId").asString());
    }

    @Test
    void keepsAWrongTypeInOneItemFromFailingTheOthers() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        Map<String, Object> wrongType = aLead(campaign);
        wrongType.put("company", Map.of("employees", "many"));

        var response = postBatch(JSON.writeValueAsString(List.of(wrongType, aLead(campaign))), null);

        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results.get(0).get("errors").findValuesAsString("pointer")).containsExactly("/0/company/employees");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(202);
        assertThat(capturedLeadsOf(campaign)).hasSize(1);
    }

    @Test
    void makesTheSamePersonTwiceInOneBatchOneLeadWithTwoTouches() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        String email = "twice." + UUID.randomUUID() + "@acme.io";

        var response = postBatch(JSON.writeValueAsString(List.of(aLead(campaign, "email", email),
                aLead(campaign, "email", email.toUpperCase()))), null);

        JsonNode results = JSON.readTree(response.body()).get("results");
        assertThat(results.get(1).get("leadId").asString()).isEqualTo(results.get(0).get("leadId").asString());
        assertThat(capturedLeadsOf(campaign)).extracting(r -> r.value().getTouch()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void answersAResentBatchWithTheSameLeadsAndPublishesNothingNew() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        String batch = JSON.writeValueAsString(List.of(aLead(campaign), aLead(campaign)));
        String key = UUID.randomUUID().toString();

        JsonNode first = JSON.readTree(postBatch(batch, key).body()).get("results");
        JsonNode again = JSON.readTree(postBatch(batch, key).body()).get("results");

        assertThat(again.findValuesAsString("leadId")).isEqualTo(first.findValuesAsString("leadId"));
        assertThat(again.findValues("repeat")).extracting(JsonNode::asBoolean).containsExactly(true, true);
        assertThat(capturedLeadsOf(campaign)).hasSize(2);
    }

    @Test
    void refusesMoreThan500LeadsNamingTheLimitAndPublishesNothing() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        var leads = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 501; i++) {
            leads.add(aLead(campaign));
        }

        var response = postBatch(JSON.writeValueAsString(leads), null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://leadloop.io/problems/batch-too-large");
        assertThat(problem.get("maxItems").asInt()).isEqualTo(500);
        assertThat(capturedLeadsOf(campaign)).isEmpty();
    }

    @Test
    void refusesAnEmptyBatchAMalformedOneAndOneThatIsNoArray() throws Exception {
        var empty = postBatch("[]", null);
        var malformed = postBatch("[{\"email\": ", null);
        var notAnArray = postBatch("{\"leads\": []}", null);

        assertThat(List.of(empty, malformed, notAnArray)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        });
        assertThat(JSON.readTree(empty.body()).get("type").asString()).isEqualTo("https://leadloop.io/problems/empty-batch");
        assertThat(JSON.readTree(malformed.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/malformed-json");
        assertThat(JSON.readTree(notAnArray.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/not-a-batch");
    }

    @Test
    void refusesABodyOverFiveMebibytesEvenWhenItsLengthIsNotDeclared() throws Exception {
        byte[] oversized = ("[{\"email\": \"a@acme.io\", \"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}]").getBytes();

        var response = send(HttpRequest.newBuilder(url("/api/v1/leads/batch"))
                .header("Content-Type", "application/json")
                // A stream of unknown length goes out chunked: only counting the bytes read can catch it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/body-too-large");
    }

    @Test
    void documentsEveryPublicIntakeEndpointWithExamples() throws Exception {
        var docs = send(HttpRequest.newBuilder(url("/v3/api-docs")));
        var ui = send(HttpRequest.newBuilder(url("/swagger-ui.html")));

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/leads", "/api/v1/leads/batch", "/forms/{source}");
        JsonNode single = paths.get("/api/v1/leads").get("post");
        assertThat(single.get("requestBody").toString()).contains("ana.silva@acme.io");
        assertThat(single.get("responses").propertyNames()).contains("202", "400", "413", "429", "503");
        assertThat(paths.get("/api/v1/leads/batch").get("post").get("responses").propertyNames())
                .contains("200", "400", "413", "429", "503");
        assertThat(paths.get("/forms/{source}").get("post").get("responses").propertyNames())
                .contains("303", "202", "400", "413", "429");
        assertThat(ui.statusCode()).isIn(200, 302);
    }

    private java.net.http.HttpResponse<String> postBatch(String body, String idempotencyKey) throws Exception {
        var request = HttpRequest.newBuilder(url("/api/v1/leads/batch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A lead of the campaign with its own email and phone (the same would make every lead one person). */
    private static Map<String, Object> aLead(String campaign, Object... overrides) {
        var lead = new LinkedHashMap<String, Object>();
        lead.put("email", "ana." + UUID.randomUUID() + "@acme.io");
        lead.put("phone", "+1 415 " + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)));
        lead.put("firstName", "Ana");
        lead.put("source", Map.of("channel", "api", "campaignId", campaign));
        for (int i = 0; i < overrides.length; i += 2) {
            lead.put((String) overrides[i], overrides[i + 1]);
        }
        return lead;
    }
}
