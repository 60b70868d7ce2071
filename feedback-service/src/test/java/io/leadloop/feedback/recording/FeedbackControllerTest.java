package io.leadloop.feedback.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.SalesOutcome;
import io.leadloop.feedback.FeedbackProperties;
import io.leadloop.feedback.access.FeedbackAccess;
import io.leadloop.feedback.funnel.FunnelQueries;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.domain.FunnelFact;

/** The HTTP contract of recording feedback: status codes, problem details, and the event published. */
@WebMvcTest({FeedbackController.class, FeedbackReasonsController.class})
@Import({RecordFeedback.class, FeedbackPolicyConfiguration.class, FeedbackAccess.class})
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackControllerTest {

    private static final String KNOWN_LEAD = "lead-known";

    @Autowired
    private MockMvcTester mvc;
    @MockitoBean
    private FunnelQueries funnels;
    @MockitoBean
    private FeedbackRecordedPublisher publisher;

    @BeforeEach
    void knowOneLead() {
        given(funnels.lead(any())).willReturn(Optional.empty());
        given(funnels.lead(KNOWN_LEAD)).willReturn(Optional.of(LeadFunnel.unknown(KNOWN_LEAD)
                .apply(new FunnelFact.Captured(KNOWN_LEAD, "spring-launch", java.time.Instant.now()))));
    }

    @Test
    void publishesTheFeedbackWithTheLeadsCampaignAndAnswersWithItsEventId() {
        MvcTestResult result = post(KNOWN_LEAD, """
                {"outcome": "WON", "amount": 1200, "currency": "USD", "repId": "rep-ana",
                 "occurredAt": "2026-01-23T10:15:30Z"}""");

        var published = ArgumentCaptor.forClass(FeedbackRecorded.class);
        verify(publisher).publish(published.capture());
        FeedbackRecorded event = published.getValue();
        assertThat(result).hasStatus(HttpStatus.ACCEPTED).bodyJson()
                .hasPathSatisfying("$.eventId", eventId -> eventId.assertThat().isEqualTo(event.getEventId()))
                .hasPathSatisfying("$.leadId", leadId -> leadId.assertThat().isEqualTo(KNOWN_LEAD));
        assertThat(event.getOutcome()).isEqualTo(SalesOutcome.WON);
        assertThat(event.getAmount()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(event.getCampaignId()).isEqualTo("spring-launch");
        assertThat(event.getRecordedVia()).isEqualTo("api");
    }

    @Test
    void namesEveryInvalidFieldByJsonPointer() {
        MvcTestResult result = post(KNOWN_LEAD, """
                {"outcome": "SOLD", "amount": -5, "occurredAt": "soon"}""");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .hasPathSatisfying("$.type", type -> type.assertThat().isEqualTo("https://leadloop.io/problems/invalid-feedback"))
                .hasPathSatisfying("$.errors[*].pointer", pointers -> pointers.assertThat().asArray()
                        .containsExactly("/outcome", "/amount", "/currency", "/occurredAt"));
        verify(publisher, never()).publish(any());
    }

    @Test
    void answersMalformedJsonWithAProblem() {
        MvcTestResult result = post(KNOWN_LEAD, "{\"outcome\": ");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.type", type -> type.assertThat().isEqualTo("https://leadloop.io/problems/malformed-request"));
    }

    @Test
    void namesAFieldOfTheWrongType() {
        MvcTestResult result = post(KNOWN_LEAD, """
                {"outcome": "WON", "amount": "lots", "currency": "USD"}""");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.errors[0].pointer", pointer -> pointer.assertThat().isEqualTo("/amount"));
    }

    @Test
    void answersUnknownLeadWith404() {
        MvcTestResult result = post("lead-never-seen", """
                {"outcome": "ACCEPTED"}""");

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .hasPathSatisfying("$.type", type -> type.assertThat().isEqualTo("https://leadloop.io/problems/unknown-lead"));
        verify(publisher, never()).publish(any());
    }

    @Test
    void answersAWinWithoutAmountWith422() {
        MvcTestResult result = post(KNOWN_LEAD, """
                {"outcome": "WON"}""");

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .hasPathSatisfying("$.type", type -> type.assertThat().isEqualTo("https://leadloop.io/problems/impossible-outcome"))
                .hasPathSatisfying("$.errors[0].pointer", pointer -> pointer.assertThat().isEqualTo("/amount"));
        verify(publisher, never()).publish(any());
    }

    @Test
    void answersARejectionWithoutReasonWith422() {
        MvcTestResult result = post(KNOWN_LEAD, """
                {"outcome": "REJECTED"}""");

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
                .hasPathSatisfying("$.errors[0].pointer", pointer -> pointer.assertThat().isEqualTo("/reason"));
    }

    @Test
    void answersARejectionWithAReasonOutsideTheTaxonomyWith400NamingTheCodes() {
        MvcTestResult result = post(KNOWN_LEAD, """
                {"outcome": "REJECTED", "reason": "they hung up"}""");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.type", type -> type.assertThat().isEqualTo("https://leadloop.io/problems/invalid-feedback"))
                .hasPathSatisfying("$.errors[0].pointer", pointer -> pointer.assertThat().isEqualTo("/reason"))
                .hasPathSatisfying("$.errors[0].detail", detail -> detail.assertThat().asString()
                        .contains("bad-contact-data", "student-or-job-seeker", "other"));
        verify(publisher, never()).publish(any());
    }

    @Test
    void publishesARejectionsReasonCodeWithItsDetail() {
        MvcTestResult result = post(KNOWN_LEAD, """
                {"outcome": "REJECTED", "reason": "no-budget", "reasonDetail": "frozen until Q3"}""");

        var published = ArgumentCaptor.forClass(FeedbackRecorded.class);
        verify(publisher).publish(published.capture());
        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        assertThat(published.getValue().getReason()).isEqualTo("no-budget: frozen until Q3");
    }

    @Test
    void listsTheReasonCodesWithLabels() {
        assertThat(mvc.get().uri("/api/v1/feedback/reasons").exchange()).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[0].code", code -> code.assertThat().isEqualTo("bad-contact-data"))
                .hasPathSatisfying("$[0].label", label -> label.assertThat().isEqualTo("Bad contact data"))
                .hasPathSatisfying("$.length()", size -> size.assertThat().isEqualTo(10));
    }

    private MvcTestResult post(String leadId, String json) {
        return mvc.post().uri("/api/v1/leads/{leadId}/feedback", leadId)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
