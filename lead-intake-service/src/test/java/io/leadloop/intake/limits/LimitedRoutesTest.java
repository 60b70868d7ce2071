package io.leadloop.intake.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitedRoutesTest {

    private final LimitedRoutes routes = new LimitedRoutes(1_000, 5_000);

    @Test
    void countsTheJsonApiAndItsBatchAsSourceApiWithTheirOwnCaps() {
        assertThat(routes.of("/api/v1/leads")).hasValue(new LimitedRoutes.Route("api", 1_000));
        assertThat(routes.of("/api/v1/leads/batch")).hasValue(new LimitedRoutes.Route("api", 5_000));
    }

    @Test
    void countsFormsAndWebhooksAgainstTheSourceInThePath() {
        assertThat(routes.of("/forms/spring-demo")).hasValue(new LimitedRoutes.Route("spring-demo", 1_000));
        assertThat(routes.of("/webhooks/google-ads")).hasValue(new LimitedRoutes.Route("google-ads", 1_000));
    }

    @Test
    void leavesOperationalEndpointsAlone() {
        assertThat(routes.of("/actuator/health")).isEmpty();
        assertThat(routes.of("/v3/api-docs")).isEmpty();
        assertThat(routes.of("/forms")).isEmpty();
    }
}
