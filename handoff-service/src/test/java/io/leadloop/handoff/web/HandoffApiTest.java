package io.leadloop.handoff.web;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.handoff.assignment.HandoffLookup;
import io.leadloop.handoff.assignment.HandoffsUnavailableException;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;

/** The HTTP contract of the API: JSON shapes and problem details, without Kafka. */
@WebMvcTest(controllers = {HandoffController.class, RepController.class})
@Import(HandoffApiTest.Roster.class)
class HandoffApiTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    HandoffLookup handoffs;

    @Test
    void answersTheHandoffOfALeadWithOwnerReasonAndSlaDueTime() {
        LeadScored lead = aScoredLead().mql().hot().build();
        given(handoffs.find(lead.getLeadId())).willReturn(Optional.of(LeadHandedOff.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.parse("2026-03-02T09:00:00Z")).setLeadId(lead.getLeadId())
                .setOwnerRepId("rep-bo").setRoutingReason("round robin: rep-bo was next of 3 eligible reps (after rep-ana)")
                .setSlaDueAt(Instant.parse("2026-03-02T09:15:00Z")).setScore(lead.getScore())
                .setPriority(lead.getPriority()).setReasons(lead.getReasons())
                .setDefinitionVersion(lead.getDefinitionVersion()).setLead(lead.getLead()).build()));

        assertThat(mvc.get().uri("/api/v1/handoffs/{leadId}", lead.getLeadId()))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"leadId": "%s", "ownerRepId": "rep-bo",
                         "routingReason": "round robin: rep-bo was next of 3 eligible reps (after rep-ana)",
                         "slaDueAt": "2026-03-02T09:15:00Z", "handedOffAt": "2026-03-02T09:00:00Z",
                         "priority": "HOT", "score": 82}
                        """.formatted(lead.getLeadId()));
    }

    @Test
    void answersProblemDetailsWhenTheLeadWasNotHandedOff() {
        given(handoffs.find("lead-unknown")).willReturn(Optional.empty());

        assertThat(mvc.get().uri("/api/v1/handoffs/lead-unknown"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://leadloop.io/problems/handoff-not-found", "title": "Handoff not found",
                         "status": 404, "detail": "No handoff for lead lead-unknown", "leadId": "lead-unknown"}
                        """);
    }

    @Test
    void answersRetryableProblemWhileTheHandoffStoreIsRebalancing() {
        given(handoffs.find("lead-1")).willThrow(new HandoffsUnavailableException(
                new InvalidStateStoreException("store is migrating")));

        assertThat(mvc.get().uri("/api/v1/handoffs/lead-1"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .hasHeader("Retry-After", "1")
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/handoffs-unavailable");
    }

    @Test
    void givesSpringMvcErrorsALeadLoopProblemType() {
        assertThat(mvc.post().uri("/api/v1/reps"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/method-not-allowed");
    }

    @Test
    void listsTheRosterInRoundRobinOrder() {
        assertThat(mvc.get().uri("/api/v1/reps"))
                .hasStatusOk()
                .bodyJson().isStrictlyEqualTo("""
                        {"reps": [{"id": "rep-ana", "name": "Ana Lima", "team": "inbound-americas"},
                                  {"id": "rep-bo", "name": "Bo Chen", "team": "inbound-apac"}]}
                        """);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Roster {

        @Bean
        RepRoster repRoster() {
            return new RepRoster(List.of(new Rep("rep-ana", "Ana Lima", "inbound-americas"),
                    new Rep("rep-bo", "Bo Chen", "inbound-apac")));
        }
    }
}
