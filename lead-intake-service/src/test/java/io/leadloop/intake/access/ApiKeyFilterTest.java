package io.leadloop.intake.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.leadloop.intake.sources.SourceSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Which paths need a source's key: the lead API always, the erasure API only while callers are not checked. */
class ApiKeyFilterTest {

    private static final ApiKeys KEYS = ApiKeys.of(Map.of("partner", new SourceSettings("api", true, "k-partner", null,
            null, null, null, Map.of(), null, null, List.of(), 50, Duration.ofMinutes(5))));

    @Test
    void aSourcesKeyGuardsTheErasureApiWhileCallersAreNotChecked() throws Exception {
        assertThat(statusOf(new ApiKeyFilter(KEYS, new SimpleMeterRegistry(), false), "/api/v1/privacy/erasures"))
                .isEqualTo(401);
    }

    @Test
    void onceCallersAreCheckedTheErasureApiIsLeftToTheirRolesNotToASourcesKey() throws Exception {
        assertThat(statusOf(new ApiKeyFilter(KEYS, new SimpleMeterRegistry(), true), "/api/v1/privacy/erasures"))
                .isEqualTo(200);
        assertThat(statusOf(new ApiKeyFilter(KEYS, new SimpleMeterRegistry(), true), "/api/v1/leads"))
                .isEqualTo(401);
    }

    private static int statusOf(ApiKeyFilter filter, String path) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
