package io.leadloop.feedback.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.leadloop.feedback.FeedbackProperties;
import io.leadloop.feedback.access.FeedbackAccess;
import io.leadloop.feedback.access.FeedbackAccessRules;
import io.leadloop.feedback.funnel.FunnelQueries;
import io.leadloop.feedback.funnel.domain.FunnelFact;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.security.Roles;
import io.leadloop.testsupport.JwtIssuerStub;

/**
 * Who may record feedback, with real JWTs from a stub identity provider and an integration key: each test fails if
 * its rule is removed.
 */
@WebMvcTest({FeedbackController.class, FeedbackReasonsController.class})
@Import({RecordFeedback.class, FeedbackPolicyConfiguration.class, FeedbackAccess.class, FeedbackAccessRules.class})
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackAccessTest {

    private static final String ANAS_LEAD = "lead-of-ana";
    private static final String INTEGRATION_KEY = "crm-key-9876543210";

    @AutoClose
    static final JwtIssuerStub idp = JwtIssuerStub.start();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        idp.registerJwkSetUri(registry);
        registry.add("leadloop.security.api-keys.crm.key", () -> INTEGRATION_KEY);
    }

    @Autowired
    private MockMvcTester mvc;
    @MockitoBean
    private FunnelQueries funnels;
    @MockitoBean
    private FeedbackRecordedPublisher publisher;

    @BeforeEach
    void anaOwnsOneLead() {
        given(funnels.lead(any())).willReturn(Optional.empty());
        given(funnels.lead(ANAS_LEAD)).willReturn(Optional.of(LeadFunnel.unknown(ANAS_LEAD)
                .apply(new FunnelFact.Captured(ANAS_LEAD, "spring-launch", Instant.now()))
                .apply(new FunnelFact.HandedOff(ANAS_LEAD, "spring-launch", "rep-ana", "inbound-emea",
                        Instant.now().plusSeconds(900), Instant.now()))));
    }

    @Test
    void aRepRecordsFeedbackForTheirOwnLead() {
        assertThat(accept(rep("rep-ana", "inbound-emea"))).hasStatus(HttpStatus.ACCEPTED);
    }

    @Test
    void anotherRepsLeadAnswersLikeAnUnknownLeadAndNothingIsPublished() {
        assertThat(accept(rep("rep-bo", "inbound-apac"))).hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/unknown-lead");

        verify(publisher, never()).publish(any());
    }

    @Test
    void aSalesManagerRecordsForTheirTeamOnly() {
        assertThat(accept(manager("inbound-emea"))).hasStatus(HttpStatus.ACCEPTED);
        assertThat(accept(manager("inbound-apac"))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void marketingMayNotRecordFeedback() {
        assertThat(accept(Map.of("Authorization", "Bearer " + idp.token("u-mia", List.of(Roles.MARKETING)))))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/forbidden");
    }

    @Test
    void anIntegrationRecordsForEveryLeadWithItsKeyAndNotWithAWrongOne() {
        assertThat(accept(Map.of("X-API-Key", INTEGRATION_KEY))).hasStatus(HttpStatus.ACCEPTED);
        assertThat(accept(Map.of("X-API-Key", "crm-key-wrong"))).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/invalid-api-key");
    }

    @Test
    void refusesAnonymousAndExpiredCallers() {
        assertThat(accept(Map.of())).hasStatus(HttpStatus.UNAUTHORIZED);
        String expired = idp.token("u-ana", List.of(Roles.SALES), Map.of("leadloop_rep_id", "rep-ana"),
                Instant.now().minusSeconds(60));
        assertThat(accept(Map.of("Authorization", "Bearer " + expired))).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anyAuthenticatedRoleReadsTheReasonTaxonomy() {
        assertThat(mvc.get().uri("/api/v1/feedback/reasons")
                .header("Authorization", "Bearer " + idp.token("u-mia", List.of(Roles.MARKETING))))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/feedback/reasons")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private static Map<String, String> rep(String repId, String team) {
        return Map.of("Authorization", "Bearer " + idp.repToken("u-" + repId, List.of(Roles.SALES), repId, team));
    }

    private static Map<String, String> manager(String team) {
        return Map.of("Authorization", "Bearer " + idp.token("u-dana", List.of(Roles.SALES_MANAGER),
                Map.of("leadloop_team", team), Instant.now().plusSeconds(3600)));
    }

    private MvcTestResult accept(Map<String, String> headers) {
        var request = mvc.post().uri("/api/v1/leads/{id}/feedback", ANAS_LEAD)
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"ACCEPTED\"}");
        headers.forEach((name, value) -> request.header(name, value));
        return request.exchange();
    }
}
