package io.leadloop.handoff.web;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.handoff.access.HandoffAccess;
import io.leadloop.handoff.assignment.HandoffLookup;
import io.leadloop.handoff.assignment.HandoffsUnavailableException;
import io.leadloop.handoff.assignment.LeadState;
import io.leadloop.handoff.roster.RosterService;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.routing.Segment;

/** The HTTP contract of the API: JSON shapes and problem details, without Kafka. */
@WebMvcTest(controllers = {HandoffController.class, RepController.class})
@Import(HandoffAccess.class)
class HandoffApiTest {

    private static final RepRoster ROSTER = new RepRoster(List.of(new Rep("rep-ana", "Ana Lima", "inbound-americas"),
            new Rep("rep-bo", "Bo Chen", "inbound-apac")));

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    HandoffLookup handoffs;

    @MockitoBean
    RosterService roster;

    @BeforeEach
    void roster() {
        given(roster.current()).willReturn(ROSTER);
    }

    @Test
    void answersTheHandoffOfALeadWithOwnerReasonAndSlaDueTime() {
        LeadScored lead = aScoredLead().mql().hot().build();
        LeadHandedOff handedOff = LeadHandedOff.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.parse("2026-03-02T09:00:00Z")).setLeadId(lead.getLeadId())
                .setOwnerRepId("rep-bo").setRoutingReason("round robin: rep-bo was next of 2 eligible reps")
                .setRoutingRule("ROUND_ROBIN").setRoutingTrace(List.of("account owner: no rep owns acme.io",
                        "round robin: rep-bo was next of 2 eligible reps"))
                .setSlaDueAt(Instant.parse("2026-03-02T09:15:00Z")).setScore(lead.getScore())
                .setPriority(lead.getPriority()).setReasons(lead.getReasons())
                .setDefinitionVersion(lead.getDefinitionVersion()).setLead(lead.getLead()).build();
        LeadState state = new LeadState(lead.getLeadId(), 1, "rep-ana", "inbound-americas", "HOT",
                Instant.parse("2026-03-02T09:45:00Z"), Instant.parse("2026-03-02T14:15:00Z"), LeadState.Status.OPEN,
                LeadState.SlaStatus.RUNNING, LeadState.Phase.REMIND, Instant.parse("2026-03-02T14:11:15Z"), 2,
                List.of("rep-bo"), null);
        given(handoffs.find(lead.getLeadId())).willReturn(Optional.of(new HandoffLookup.Handoff(handedOff, state)));

        assertThat(mvc.get().uri("/api/v1/handoffs/{leadId}", lead.getLeadId()))
                .hasStatusOk()
                .hasContentType(MediaType.APPLICATION_JSON)
                .bodyJson().isStrictlyEqualTo("""
                        {"leadId": "%s", "ownerRepId": "rep-ana",
                         "routingReason": "round robin: rep-bo was next of 2 eligible reps",
                         "routingRule": "ROUND_ROBIN",
                         "routingTrace": ["account owner: no rep owns acme.io",
                                          "round robin: rep-bo was next of 2 eligible reps"],
                         "slaDueAt": "2026-03-02T14:15:00Z", "slaStatus": "RUNNING", "status": "OPEN",
                         "handedOffAt": "2026-03-02T09:00:00Z", "previousOwners": ["rep-bo"], "handoffNumber": 1,
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
    void answersARepsOpenQueueWithSlaStatus() {
        given(handoffs.openQueue("rep-ana")).willReturn(List.of(new LeadState("lead-1", 1, "rep-ana",
                "inbound-americas", "WARM", Instant.parse("2026-03-02T15:00:00Z"),
                Instant.parse("2026-03-02T19:00:00Z"), LeadState.Status.OPEN, LeadState.SlaStatus.BREACHED,
                LeadState.Phase.ESCALATE, Instant.parse("2026-03-02T19:30:00Z"), 1, List.of(), null)));

        assertThat(mvc.get().uri("/api/v1/reps/rep-ana/queue"))
                .hasStatusOk()
                .bodyJson().isStrictlyEqualTo("""
                        {"repId": "rep-ana", "leads": [{"leadId": "lead-1", "priority": "WARM",
                          "handedOffAt": "2026-03-02T15:00:00Z", "slaDueAt": "2026-03-02T19:00:00Z",
                          "slaStatus": "BREACHED"}]}
                        """);
    }

    @Test
    void answersNotFoundForTheQueueOfAnUnknownRep() {
        assertThat(mvc.get().uri("/api/v1/reps/rep-nobody/queue"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/rep-not-found");
    }

    @Test
    void publishesARosterChangeWithTheActor() {
        assertThat(mvc.put().uri("/api/v1/reps/rep-di").header("X-Actor", "sales-ops@acme.io")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Di Park", "team": "inbound-emea", "weight": 2, "maxOpenLeads": 20,
                         "territories": ["DE", "AT"], "segments": ["MID"], "skills": ["language:de"]}
                        """))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().extractingPath("$.weight").isEqualTo(2);

        then(roster).should().put(argThat(rep -> rep.id().equals("rep-di") && rep.weight() == 2
                && rep.territories().equals(Set.of("DE", "AT")) && rep.segments().equals(Set.of(Segment.MID))),
                eq("sales-ops@acme.io"));
    }

    @Test
    void rejectsAnInvalidRepNamingEveryOffendingField() {
        assertThat(mvc.put().uri("/api/v1/reps/rep-di").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"weight": 0, "segments": ["MID", "HUGE"], "dailyCap": -1}
                        """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://leadloop.io/problems/invalid-rep", "status": 400,
                         "errors": [{"pointer": "/name", "detail": "is required"},
                                    {"pointer": "/weight", "detail": "must be between 1 and 1000"},
                                    {"pointer": "/dailyCap", "detail": "must not be negative"},
                                    {"pointer": "/segments/1", "detail": "must be one of SMB, MID, ENTERPRISE"}]}
                        """);
        then(roster).should(never()).put(any(), any());
    }

    @Test
    void givesSpringMvcErrorsALeadLoopProblemType() {
        assertThat(mvc.post().uri("/api/v1/reps"))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/method-not-allowed");
    }

    @Test
    void listsTheRosterInRosterOrder() {
        assertThat(mvc.get().uri("/api/v1/reps"))
                .hasStatusOk()
                .bodyJson().isLenientlyEqualTo("""
                        {"reps": [{"id": "rep-ana", "name": "Ana Lima", "team": "inbound-americas", "weight": 1},
                                  {"id": "rep-bo", "name": "Bo Chen", "team": "inbound-apac", "weight": 1}]}
                        """);
    }
}
