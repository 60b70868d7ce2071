package io.leadloop.intake.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.leadloop.intake.IsolatedKafkaStreams;
import io.leadloop.testsupport.WithRealInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API with keys configured, as a partner would call it: its current key and, during a rotation, its
 * previous one take leads; no key, a wrong key or two keys are refused with a problem naming the header.
 */
@WithRealInfrastructure
@IsolatedKafkaStreams
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadloop.intake.sources.partner.type=api",
        "leadloop.intake.sources.partner.secret=partner-key-2026-11",
        "leadloop.intake.sources.partner.previous-secret=partner-key-2026-10"})
class ApiKeyIT {

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
    void takesALeadWithTheCurrentKey() {
        assertAccepted("partner-key-2026-11");
    }

    @Test
    void takesALeadWithThePreviousKeyWhileItIsBeingRotatedOut() {
        assertAccepted("partner-key-2026-10");
    }

    @Test
    void refusesALeadWithAWrongKeyAsAProblemNamingTheHeader() throws Exception {
        var response = post("partner-key-2026-09");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://leadloop.io/problems/invalid-api-key");
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("#/headers/X-API-Key");
        assertThat(response.body()).doesNotContain("partner-key");
    }

    @Test
    void refusesALeadWithoutAKey() throws Exception {
        var response = http.send(request().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/missing-api-key");
    }

    @Test
    void refusesALeadWithTwoKeys() throws Exception {
        var response = http.send(request().header("X-API-Key", "partner-key-2026-11")
                .header("X-API-Key", "partner-key-2026-10").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/ambiguous-api-key");
    }

    @Test
    void refusesABatchWithAWrongKey() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/leads/batch"))
                .header("Content-Type", "application/json").header("X-API-Key", "nope")
                .POST(HttpRequest.BodyPublishers.ofString("[" + lead() + "]")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** As a sender would, retries a 503 (Kafka slow to take the first leads on a loaded machine), never a 401. */
    private void assertAccepted(String key) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            int status = post(key).statusCode();
            assertThat(status).isNotEqualTo(401);
            assertThat(status).isEqualTo(202);
        });
    }

    private HttpResponse<String> post(String key) throws Exception {
        return http.send(request().header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/leads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(lead()));
    }

    private static String lead() {
        return """
                {"email": "ana.%s@acme.io", "firstName": "Ana", "lastName": "Silva",
                 "company": {"name": "Acme", "domain": "acme.io"},
                 "source": {"channel": "api", "campaignId": "api-keys-it"},
                 "consent": {"marketing": true}}""".formatted(UUID.randomUUID());
    }
}
