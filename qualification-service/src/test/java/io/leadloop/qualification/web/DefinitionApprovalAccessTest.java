package io.leadloop.qualification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.List;

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
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.leadloop.qualification.access.DefinitionApprovers;
import io.leadloop.qualification.access.QualificationAccessRules;
import io.leadloop.qualification.definitions.DefinitionDocument;
import io.leadloop.qualification.definitions.DefinitionState;
import io.leadloop.qualification.scoring.DefinitionParameters;
import io.leadloop.qualification.streams.LeadDefinitions;
import io.leadloop.security.Roles;
import io.leadloop.testsupport.JwtIssuerStub;

/**
 * Who may propose and approve lead definitions once access control is on (real JWTs from a stub identity provider):
 * each test fails if its rule is removed.
 */
@WebMvcTest(LeadDefinitionsController.class)
@Import({DefinitionApprovers.class, QualificationAccessRules.class})
class DefinitionApprovalAccessTest {

    @AutoClose
    static final JwtIssuerStub idp = JwtIssuerStub.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        idp.registerJwkSetUri(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    LeadDefinitions definitions;

    @BeforeEach
    void aProposedVersion() {
        var proposed = DefinitionState.proposed(DefinitionDocument.of("v2", DefinitionParameters.BUILTIN), "u-mia",
                Instant.parse("2026-11-23T09:00:00Z"));
        given(definitions.approve(eq("v2"), anyString(), anyString())).willAnswer(call -> proposed
                .approve(call.getArgument(1), call.getArgument(2), Instant.parse("2026-11-23T10:00:00Z")));
        given(definitions.propose(anyString(), any())).willReturn(proposed);
        given(definitions.active()).willReturn(proposed);
    }

    @Test
    void aMarketingApproverApprovesForMarketingAsTheTokensSubjectNotTheBodysName() {
        assertThat(approve("marketing", "someone-else", Roles.MARKETING_APPROVER)).hasStatusOk();

        then(definitions).should().approve("v2", "u-caller", "marketing");
    }

    @Test
    void aSalesApproverMayNotApproveForMarketing() {
        assertThat(approve("marketing", null, Roles.SALES_APPROVER)).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/forbidden");

        then(definitions).should(never()).approve(any(), any(), any());
    }

    @Test
    void aMarketingApproverMayNotApproveForSales() {
        assertThat(approve("sales", null, Roles.MARKETING_APPROVER)).hasStatus(HttpStatus.FORBIDDEN);

        then(definitions).should(never()).approve(any(), any(), any());
    }

    @Test
    void marketingWithoutTheApproverRoleMayNotApprove() {
        assertThat(approve("marketing", null, Roles.MARKETING)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSalesApproverApprovesForSales() {
        assertThat(approve("sales", null, Roles.SALES_APPROVER)).hasStatusOk();

        then(definitions).should().approve("v2", "u-caller", "sales");
    }

    @Test
    void marketingProposesAsTheTokensSubject() {
        assertThat(propose(Roles.MARKETING)).hasStatus(HttpStatus.CREATED);

        then(definitions).should().propose(anyString(), eq("u-caller"));
    }

    @Test
    void salesMayNotPropose() {
        assertThat(propose(Roles.SALES)).hasStatus(HttpStatus.FORBIDDEN);

        then(definitions).should(never()).propose(any(), any());
    }

    @Test
    void anyAuthenticatedRoleReadsTheActiveDefinitionButNobodyAnonymously() {
        assertThat(mvc.get().uri("/api/v1/definitions/active")
                .header("Authorization", "Bearer " + idp.token("u-sam", List.of(Roles.SALES)))).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/definitions/active")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MvcTestResult approve(String team, String bodyApprover, String role) {
        String body = bodyApprover == null ? "{\"team\": \"" + team + "\"}"
                : "{\"team\": \"" + team + "\", \"approver\": \"" + bodyApprover + "\"}";
        return mvc.post().uri("/api/v1/definitions/v2/approvals")
                .header("Authorization", "Bearer " + idp.token("u-caller", List.of(role)))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private MvcTestResult propose(String role) {
        return mvc.post().uri("/api/v1/definitions?proposedBy=someone-else")
                .header("Authorization", "Bearer " + idp.token("u-caller", List.of(role)))
                .contentType(MediaType.APPLICATION_JSON)
                .content(DefinitionDocument.of("v2", DefinitionParameters.BUILTIN).json()).exchange();
    }
}
