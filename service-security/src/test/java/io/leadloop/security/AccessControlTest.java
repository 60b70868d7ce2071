package io.leadloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadloop.testsupport.JwtIssuerStub;

/**
 * Access control on: JWTs from a stub identity provider (its JWK set served on 127.0.0.1) and two integration keys
 * (a rotation). Every rule has a request here that fails if the rule is removed.
 */
@SpringBootTest(classes = AccessTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "management.endpoints.web.exposure.include=health,info,env",
            "leadloop.security.api-keys.crm-sync.key=new-crm-key-123",
            "leadloop.security.api-keys.crm-sync.previous-key=old-crm-key-456"})
class AccessControlTest {

    @AutoClose
    static final JwtIssuerStub idp = JwtIssuerStub.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        idp.registerJwkSetUri(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesARequestWithoutCredentialsWithAProblem() throws Exception {
        var response = send("GET", "/numbers", Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://leadloop.io/problems/unauthenticated\"")
                .contains("\"errors\":[{").contains("#/headers/Authorization");
    }

    @Test
    void acceptsAValidTokenOfAnyRoleForAuthenticatedReads() throws Exception {
        var response = send("GET", "/numbers", bearer(idp.token("u-mia", List.of(Roles.MARKETING))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"caller\":\"u-mia\"");
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String expired = idp.token("u-mia", List.of(Roles.MARKETING), Map.of(), Instant.now().minusSeconds(300));

        var response = send("GET", "/numbers", bearer(expired));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("https://leadloop.io/problems/invalid-token").doesNotContain(expired);
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        var response = send("GET", "/numbers", bearer(idp.forgedToken("u-mallory", List.of(Roles.ADMIN))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("https://leadloop.io/problems/invalid-token");
    }

    @Test
    void refusesTheWrongRoleWithAForbiddenProblem() throws Exception {
        var response = send("POST", "/approvals", bearer(idp.token("u-sam", List.of(Roles.SALES_APPROVER))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("https://leadloop.io/problems/forbidden").contains("\"errors\"");
    }

    @Test
    void takesTheApproverFromTheTokensSubject() throws Exception {
        var response = send("POST", "/approvals", bearer(idp.token("u-mara", List.of(Roles.MARKETING_APPROVER))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"approver\":\"u-mara\"");
    }

    @Test
    void aRepSeesTheirOwnLeadAndAnotherRepGetsNotFound() throws Exception {
        var ana = bearer(idp.repToken("u-ana", List.of(Roles.SALES), "rep-ana", "inbound-emea"));
        var bo = bearer(idp.repToken("u-bo", List.of(Roles.SALES), "rep-bo", "inbound-apac"));

        assertThat(send("GET", "/leads/l-ana", ana).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/leads/l-ana", bo).statusCode()).isEqualTo(404);
    }

    @Test
    void acceptsTheCurrentAndThePreviousIntegrationKey() throws Exception {
        assertThat(send("GET", "/leads/l-ana", Map.of("X-API-Key", "new-crm-key-123")).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/leads/l-ana", Map.of("X-API-Key", "old-crm-key-456")).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAWrongKeyWithoutEchoingIt() throws Exception {
        var response = send("GET", "/leads/l-ana", Map.of("X-API-Key", "new-crm-key-12"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("https://leadloop.io/problems/invalid-api-key")
                .doesNotContain("new-crm-key-12");
    }

    @Test
    void anIntegrationKeyGivesOnlyTheIntegrationRole() throws Exception {
        var response = send("POST", "/approvals", Map.of("X-API-Key", "new-crm-key-123"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void leavesSignedWebhooksToTheirOwnChecks() throws Exception {
        assertThat(send("POST", "/webhooks/crm", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void leavesAKeyThatIsNoIntegrationsToAPublicEndpointsOwnChecks() throws Exception {
        // intake's JSON API takes its sources' keys in the same header
        assertThat(send("POST", "/webhooks/crm", Map.of("X-API-Key", "a-source-key")).statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsPublicAndTheRestOfTheActuatorIsForAdmins() throws Exception {
        assertThat(send("GET", "/actuator/health", Map.of()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/env", Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/env", bearer(idp.token("u-mia", List.of(Roles.MARKETING))))
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/actuator/env", bearer(idp.token("u-root", List.of(Roles.ADMIN))))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void answersAPathTheFirewallRefusesWithAProblem() throws Exception {
        var response = send("GET", "/leads/l-ana;x=1", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("https://leadloop.io/problems/rejected-request");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
