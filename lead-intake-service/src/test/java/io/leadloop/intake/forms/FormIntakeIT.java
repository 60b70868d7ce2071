package io.leadloop.intake.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.WebSourcesTestBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /forms/{source}} as browsers and scripts send it, against the real broker and registry. */
class FormIntakeIT extends WebSourcesTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void sendsABrowserOnToTheThankYouPageAndPublishesTheMappedLead() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        var form = demoRequest(campaign);

        var response = send(urlEncoded("/forms/spring-demo", form).header("Accept", BROWSER_ACCEPT)
                .header("Referer", "https://acme.example/demo"));

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(THANK_YOU + "?leadId=");
        String leadId = location.substring(location.indexOf('=') + 1);
        assertThat(capturedLeadsOf(campaign)).singleElement().satisfies(record -> {
            var lead = record.value().getLead();
            assertThat(record.value().getLeadId()).isEqualTo(leadId);
            assertThat(lead.getEmail()).isEqualTo(form.get("email"));
            assertThat(lead.getFirstName()).isEqualTo("Ana");
            assertThat(lead.getLastName()).isEqualTo("Silva");
            assertThat(lead.getJobTitle()).isEqualTo("VP Marketing");
            assertThat(lead.getCompany().getName()).isEqualTo("Acme");
            assertThat(lead.getCompany().getIndustry()).isEqualTo("software");
            assertThat(lead.getCompany().getCountry()).isEqualTo("DE");
            assertThat(lead.getSource().getChannel()).isEqualTo("web-form");
            assertThat(lead.getSource().getFormId()).isEqualTo("spring-demo");
            assertThat(lead.getSource().getLandingPage()).isEqualTo("https://acme.example/demo?utm_source=google&gclid=Cj0K");
            assertThat(lead.getUtm().getSource()).isEqualTo("google");
            assertThat(lead.getClickIds()).containsEntry("gclid", "Cj0K");
            assertThat(lead.getConsent().getMarketing()).isTrue();
            assertThat(lead.getAttributes()).containsEntry("interest", "crm, ads").doesNotContainKey("_gotcha");
        });
    }

    @Test
    void answersJsonToAScriptPostingMultipartAndStoresNoFile() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        String boundary = "----leadloop" + UUID.randomUUID();
        String email = "ana." + UUID.randomUUID() + "@acme.io";
        String body = part(boundary, "email", null, email) + part(boundary, "full_name", null, "Ana Maria Silva")
                + part(boundary, "campaign_id", null, campaign)
                + part(boundary, "cv", "cv.pdf", "%PDF-1.4 not really")
                + "--" + boundary + "--\r\n";

        var response = send(HttpRequest.newBuilder(url("/forms/spring-demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.body());
        assertThat(accepted.get("touch").asInt()).isEqualTo(1);
        assertThat(capturedLeadsOf(campaign)).singleElement().satisfies(record -> {
            assertThat(record.value().getLeadId()).isEqualTo(accepted.get("leadId").asString());
            assertThat(record.value().getLead().getFirstName()).isEqualTo("Ana");
            assertThat(record.value().getLead().getLastName()).isEqualTo("Maria Silva");
            assertThat(record.value().getLead().getAttributes()).containsEntry("cv", "cv.pdf (file not stored)");
        });
    }

    @Test
    void tellsABrowserWhichFieldsWereWrongAndAScriptWithProblemDetails() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        var form = Map.of("first_name", "Ana", "campaign_id", campaign);

        var browser = send(urlEncoded("/forms/spring-demo", form).header("Accept", BROWSER_ACCEPT));
        var script = send(urlEncoded("/forms/spring-demo", form).header("Accept", "application/json"));

        assertThat(browser.statusCode()).isEqualTo(303);
        assertThat(browser.headers().firstValue("Location"))
                .hasValue(THANK_YOU + "?error=invalid-lead&fields=email%2Cphone");
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(script.body()).get("errors").findValuesAsString("pointer")).containsExactly("/email", "/phone");
        assertThat(capturedLeadsOf(campaign)).isEmpty();
    }

    @Test
    void answersTheCorsPreflightOfAnAllowedOriginAndRefusesOtherOrigins() throws Exception {
        var allowed = send(preflight(ALLOWED_ORIGIN));
        var other = send(preflight("https://evil.example"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(JSON.readTree(other.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/origin-not-allowed");
    }

    @Test
    void takesAPostFromTheAllowedOriginAndRefusesOneFromAnotherOriginWithoutPublishing() throws Exception {
        String campaign = "it-" + UUID.randomUUID();

        var allowed = send(urlEncoded("/forms/spring-demo", demoRequest(campaign)).header("Origin", ALLOWED_ORIGIN)
                .header("Accept", "application/json"));
        var other = send(urlEncoded("/forms/spring-demo", demoRequest(campaign)).header("Origin", "https://evil.example")
                .header("Accept", "application/json"));

        assertThat(allowed.statusCode()).isEqualTo(202);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(capturedLeadsOf(campaign)).hasSize(1);
    }

    @Test
    void answersABotThatFilledTheHoneypotAsIfTakenAndPublishesNothing() throws Exception {
        String campaign = "it-" + UUID.randomUUID();
        var form = demoRequest(campaign);
        form.put("_gotcha", "https://cheap-pills.example");

        var response = send(urlEncoded("/forms/spring-demo", form).header("Accept", BROWSER_ACCEPT));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).matches("https://acme\\.example/thanks\\?leadId=[0-9a-f-]{36}"));
        assertThat(capturedLeadsOf(campaign)).isEmpty();
    }

    @Test
    void answersTooManyRequestsWithRetryAfterOnceAFormsRateIsSpent() throws Exception {
        var responses = new ArrayList<HttpResponse<String>>();
        for (int i = 0; i < 3; i++) {
            var spam = demoRequest("it-" + UUID.randomUUID());
            spam.put("_gotcha", "bot");
            responses.add(send(urlEncoded("/forms/throttled-form", spam)));
        }

        assertThat(responses.getFirst().statusCode()).isEqualTo(303);
        assertThat(responses).anySatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("type").asString())
                    .isEqualTo("https://leadloop.io/problems/rate-limited");
        });
    }

    @Test
    void answersAnUnknownFormSourceNotFound() throws Exception {
        var response = send(urlEncoded("/forms/no-such-form", Map.of("email", "ana@acme.io")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("type").asString())
                .isEqualTo("https://leadloop.io/problems/unknown-source");
    }

    /** A demo-request form as a landing page posts it, with its own person and the test's campaign. */
    private static Map<String, String> demoRequest(String campaign) {
        var form = new LinkedHashMap<String, String>();
        form.put("email", "ana." + UUID.randomUUID() + "@acme.io");
        form.put("first_name", "Ana");
        form.put("last_name", "Silva");
        form.put("job_title", "VP Marketing");
        form.put("company", "Acme");
        form.put("country", "DE");
        form.put("budget_question", "software");
        form.put("marketing_consent", "on");
        form.put("campaign_id", campaign);
        form.put("landing_page", "https://acme.example/demo?utm_source=google&gclid=Cj0K");
        form.put("interest", "crm");
        form.put("_gotcha", "");
        return form;
    }

    private HttpRequest.Builder urlEncoded(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        if (fields.containsKey("interest")) {
            body += "&interest=ads";
        }
        return HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(url("/forms/spring-demo"))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "accept")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    private static String part(String boundary, String name, String filename, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/pdf")
                + "\r\n\r\n" + value + "\r\n";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
