package io.leadloop.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.access.IntakeAccessRules;
import io.leadloop.security.Roles;
import io.leadloop.testsupport.JwtIssuerStub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Who may forget a person once access control is on (issue 9), with real JWTs from a stub identity provider and an
 * integration key: an admin or an integration, never a lead source or a salesperson; the audit names the token's
 * subject, not the body's {@code requestedBy}. Each test fails if its rule is removed.
 */
@WebMvcTest(controllers = ErasureController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        // Intake's own servlet filters (source keys, size and rate limits) have their tests; this one is the roles'.
        pattern = "io\\.leadloop\\.intake\\.(access\\.ApiKeyFilter|limits\\..*)"))
@Import({IntakeAccessRules.class, SimpleMeterRegistry.class})
@EnableConfigurationProperties(IntakeProperties.class)
class ErasureAccessTest {

    private static final String INTEGRATION_KEY = "consent-platform-key-0123456789";
    private static final String ERASE_ANA = "{\"email\": \"ana@acme.io\", \"requestedBy\": \"someone-else\"}";

    @AutoClose
    static final JwtIssuerStub idp = JwtIssuerStub.start();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        idp.registerJwkSetUri(registry);
        registry.add("leadloop.security.api-keys.consent.key", () -> INTEGRATION_KEY);
    }

    @Autowired
    private MockMvcTester mvc;
    @MockitoBean
    private Erasures erasures;

    @BeforeEach
    void erasuresSucceed() {
        given(erasures.erase(any())).willReturn(new Erasure("erasure-1", "COMPLETED", List.of("person-1"),
                List.of("lead-1"), 1, null, null));
    }

    @Test
    void anAdminErasesAndTheAuditNamesTheTokensSubject() {
        MvcTestResult result = erase("Bearer " + idp.token("dpo@leadloop.io", List.of(Roles.ADMIN)));

        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
        var asked = ArgumentCaptor.forClass(ErasureRequest.class);
        verify(erasures).erase(asked.capture());
        assertThat(asked.getValue().requestedBy()).isEqualTo("dpo@leadloop.io");
        assertThat(asked.getValue().email()).isEqualTo("ana@acme.io");
    }

    @Test
    void anIntegrationKeyMayErase() {
        MvcTestResult result = mvc.post().uri("/api/v1/privacy/erasures").header("X-API-Key", INTEGRATION_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(ERASE_ANA).exchange();

        assertThat(result).hasStatus(HttpStatus.ACCEPTED);
    }

    @Test
    void aSalespersonMayNotEraseAnyone() {
        MvcTestResult result = erase("Bearer " + idp.token("sam", List.of(Roles.SALES, Roles.SALES_MANAGER)));

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson().extractingPath("$.type").isEqualTo("https://leadloop.io/problems/forbidden");
        verify(erasures, never()).erase(any());
    }

    @Test
    void anUnauthenticatedRequestIsRefusedWithAProblem() {
        MvcTestResult result = mvc.post().uri("/api/v1/privacy/erasures")
                .contentType(MediaType.APPLICATION_JSON).content(ERASE_ANA).exchange();

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verify(erasures, never()).erase(any());
    }

    private MvcTestResult erase(String authorization) {
        return mvc.post().uri("/api/v1/privacy/erasures").header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON).content(ERASE_ANA).exchange();
    }
}
