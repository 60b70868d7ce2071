package io.leadloop.handoff.web;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.handoff.access.HandoffAccess;
import io.leadloop.handoff.access.HandoffAccessRules;
import io.leadloop.handoff.assignment.HandoffLookup;
import io.leadloop.handoff.assignment.LeadState;
import io.leadloop.handoff.roster.RosterService;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.security.Roles;
import io.leadloop.testsupport.JwtIssuerStub;

/**
 * Access control of the handoff API with real JWTs (a stub identity provider on 127.0.0.1) and an integration key:
 * who may read a handoff or a queue and change the roster. Each test fails if its rule is removed.
 */
@WebMvcTest(controllers = {HandoffController.class, RepController.class},
        properties = "leadloop.security.api-keys.crm.key=crm-key-0123456789")
@Import({HandoffAccess.class, HandoffAccessRules.class})
class HandoffAccessTest {

    @AutoClose
    static final JwtIssuerStub idp = JwtIssuerStub.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        idp.registerJwkSetUri(registry);
    }

    private static final RepRoster ROSTER = new RepRoster(List.of(new Rep("rep-ana", "Ana Lima", "inbound-emea"),
            new Rep("rep-bo", "Bo Chen", "inbound-apac")));

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    HandoffLookup handoffs;

    @MockitoBean
    RosterService roster;

    private String anasLead;

    @BeforeEach
    void anasLead() {
        given(roster.current()).willReturn(ROSTER);
        LeadScored lead = aScoredLead().mql().hot().build();
        anasLead = lead.getLeadId();
        LeadHandedOff handedOff = LeadHandedOff.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.parse("2026-03-02T09:00:00Z")).setLeadId(anasLead)
                .setOwnerRepId("rep-ana").setRoutingReason("round robin").setRoutingTrace(List.of())
                .setSlaDueAt(Instant.parse("2026-03-02T09:15:00Z")).setScore(lead.getScore())
                .setPriority(lead.getPriority()).setReasons(lead.getReasons())
                .setDefinitionVersion(lead.getDefinitionVersion()).setLead(lead.getLead()).build();
        LeadState state = new LeadState(anasLead, 1, "rep-ana", "inbound-emea", "HOT",
                Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T09:15:00Z"), LeadState.Status.OPEN,
                LeadState.SlaStatus.RUNNING, LeadState.Phase.REMIND, Instant.parse("2026-03-02T09:11:15Z"), 0,
                List.of(), null);
        given(handoffs.find(anasLead)).willReturn(Optional.of(new HandoffLookup.Handoff(handedOff, state)));
        given(handoffs.openQueue("rep-ana")).willReturn(List.of(state));
    }

    private static String ana() {
        return "Bearer " + idp.repToken("u-ana", List.of(Roles.SALES), "rep-ana", "inbound-emea");
    }

    private static String bo() {
        return "Bearer " + idp.repToken("u-bo", List.of(Roles.SALES), "rep-bo", "inbound-apac");
    }

    private static String manager(String team) {
        return "Bearer " + idp.token("u-dana", List.of(Roles.SALES_MANAGER), java.util.Map.of("leadloop_team", team),
                Instant.now().plusSeconds(3600));
    }

    @Test
    void refusesAnAnonymousReadOfAHandoff() {
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead)).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/unauthenticated");
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = idp.token("u-ana", List.of(Roles.SALES), java.util.Map.of("leadloop_rep_id", "rep-ana"),
                Instant.now().minusSeconds(60));

        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead).header("Authorization", "Bearer " + expired))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRepReadsTheHandoffOfTheirOwnLead() {
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead).header("Authorization", ana()))
                .hasStatusOk().bodyJson().extractingPath("$.ownerRepId").isEqualTo("rep-ana");
    }

    @Test
    void anotherRepsLeadAnswersLikeAnUnknownLead() {
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead).header("Authorization", bo()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/handoff-not-found");
    }

    @Test
    void aSalesManagerReadsTheirTeamsLeadsOnly() {
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead).header("Authorization", manager("inbound-emea")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead).header("Authorization", manager("inbound-apac")))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void marketingMayNotReadHandoffs() {
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead)
                .header("Authorization", "Bearer " + idp.token("u-mia", List.of(Roles.MARKETING))))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/forbidden");
    }

    @Test
    void anIntegrationReadsEveryHandoffWithItsKey() {
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead).header("X-API-Key", "crm-key-0123456789"))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/handoffs/{id}", anasLead).header("X-API-Key", "crm-key-012345678"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRepReadsOnlyTheirOwnQueue() {
        assertThat(mvc.get().uri("/api/v1/reps/rep-ana/queue").header("Authorization", ana())).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/reps/rep-ana/queue").header("Authorization", bo()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSalesRepMayNotChangeTheRoster() {
        assertThat(putRep("rep-di", "inbound-emea", ana())).hasStatus(HttpStatus.FORBIDDEN);

        then(roster).should(never()).put(any(), any());
    }

    @Test
    void anAdminChangesTheRosterAuditedAsTheTokensSubject() {
        assertThat(putRep("rep-di", "inbound-emea", "Bearer " + idp.token("u-root", List.of(Roles.ADMIN))))
                .hasStatus(HttpStatus.ACCEPTED);

        then(roster).should().put(any(), eq("u-root"));
    }

    @Test
    void aSalesManagerChangesOnlyTheirTeamsReps() {
        assertThat(putRep("rep-di", "inbound-emea", manager("inbound-emea"))).hasStatus(HttpStatus.ACCEPTED);
        assertThat(putRep("rep-bo", "inbound-emea", manager("inbound-emea"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/v1/reps/rep-bo").header("Authorization", manager("inbound-emea")))
                .hasStatus(HttpStatus.FORBIDDEN);

        then(roster).should(never()).remove(any(), any());
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult putRep(String id, String team, String auth) {
        return mvc.put().uri("/api/v1/reps/{id}", id).header("Authorization", auth)
                .header("X-Actor", "someone-else").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Di Park\", \"team\": \"" + team + "\"}").exchange();
    }
}
