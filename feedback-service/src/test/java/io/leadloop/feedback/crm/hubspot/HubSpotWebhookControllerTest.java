package io.leadloop.feedback.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.leadloop.feedback.ReferencePayloads;
import io.leadloop.feedback.crm.hubspot.domain.HubSpotSignature;
import io.leadloop.feedback.recording.RecordFeedback;
import io.leadloop.feedback.recording.UnknownLead;

/** The HTTP contract of the HubSpot webhook, on the real deal-stage change. */
@WebMvcTest(HubSpotWebhookController.class)
@EnableConfigurationProperties(HubSpotProperties.class)
@TestPropertySource(properties = {"leadloop.feedback.crm.hubspot.client-secret=" + HubSpotWebhookControllerTest.SECRET,
        "leadloop.feedback.crm.hubspot.stage-outcomes[1f4f1ec1-8174-49f3-a112-4eaa4748e38e]=LOST"})
class HubSpotWebhookControllerTest {

    static final String SECRET = "test-secret";
    private static final String URL = "http://localhost/api/v1/crm/hubspot";

    @Autowired
    private MockMvcTester mvc;
    @MockitoBean
    private HubSpotDealLinks.Links links;
    @MockitoBean
    private RecordFeedback recordFeedback;

    @Test
    void rejectsWebhookWithWrongSignature() {
        String batch = "[" + ReferencePayloads.text("hubspot-webhook-deal-stage-change.json") + "]";
        String timestamp = Long.toString(Instant.now().toEpochMilli());

        MvcTestResult result = mvc.post().uri("/api/v1/crm/hubspot").contentType(MediaType.APPLICATION_JSON)
                .header("X-HubSpot-Signature-v3", sign("[]", timestamp))
                .header("X-HubSpot-Request-Timestamp", timestamp).content(batch).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().hasPathSatisfying("$.type", type -> type.assertThat()
                        .isEqualTo("https://leadloop.io/problems/unauthorized-delivery"));
        verify(recordFeedback, never()).record(any(), any(), any());
    }

    @Test
    void reportsAStageChangeOfAnUnlinkedDealAsSkippedWith200() {
        given(links.leadOf(697680835L)).willReturn(Optional.empty());

        MvcTestResult result = postSigned("[" + ReferencePayloads.text("hubspot-webhook-deal-stage-change.json") + "]");

        assertThat(result).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.skipped[0].eventId", id -> id.assertThat().isEqualTo(802835955))
                .hasPathSatisfying("$.skipped[0].reason", reason -> reason.assertThat().asString()
                        .contains("leadloop_lead_id"));
        verify(recordFeedback, never()).record(any(), any(), any());
    }

    @Test
    void answers404SoHubSpotRetriesWhenTheLinkedLeadIsNotCapturedYet() {
        given(links.leadOf(697680835L)).willReturn(Optional.of("lead-later"));
        willThrow(new UnknownLead("lead-later")).given(recordFeedback).record(eq("lead-later"), any(), any());

        MvcTestResult result = postSigned("[" + ReferencePayloads.text("hubspot-webhook-deal-stage-change.json") + "]");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .hasPathSatisfying("$.type", type -> type.assertThat().isEqualTo("https://leadloop.io/problems/unknown-lead"));
    }

    @Test
    void answersABodyThatIsNotABatchWith400() {
        assertThat(postSigned("{\"eventId\": 1}")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    private MvcTestResult postSigned(String batch) {
        String timestamp = Long.toString(Instant.now().toEpochMilli());
        return mvc.post().uri("/api/v1/crm/hubspot").contentType(MediaType.APPLICATION_JSON)
                .header("X-HubSpot-Signature-v3", sign(batch, timestamp))
                .header("X-HubSpot-Request-Timestamp", timestamp).content(batch).exchange();
    }

    private static String sign(String body, String timestamp) {
        return new HubSpotSignature(SECRET, Duration.ofMinutes(5))
                .sign("POST", URL, body.getBytes(StandardCharsets.UTF_8), timestamp);
    }
}
