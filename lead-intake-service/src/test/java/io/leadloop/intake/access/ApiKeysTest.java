package io.leadloop.intake.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.sources.SourceSettings;

class ApiKeysTest {

    private static SourceSettings source(String type, boolean enabled, String secret, String previous) {
        return new SourceSettings(type, enabled, secret, previous, null, null, null, Map.of(), null, null,
                java.util.List.of(), 50, java.time.Duration.ofMinutes(5));
    }

    @Test
    void identifiesTheSourceWhoseKeyWasPresented() {
        var keys = ApiKeys.of(Map.of("partner", source("api", true, "k-partner", null),
                "website", source("api", true, "k-website", null)));

        assertThat(keys.sourceOf("k-partner")).contains("partner");
        assertThat(keys.sourceOf("k-website")).contains("website");
    }

    @Test
    void acceptsThePreviousKeyDuringARotation() {
        var keys = ApiKeys.of(Map.of("partner", source("api", true, "new", "old")));

        assertThat(keys.sourceOf("new")).contains("partner");
        assertThat(keys.sourceOf("old")).contains("partner");
        assertThat(keys.sourceOf("older")).isEmpty();
    }

    @Test
    void refusesPrefixesAndExtensionsOfAKey() {
        var keys = ApiKeys.of(Map.of("partner", source("api", true, "abcdef", null)));

        assertThat(keys.sourceOf("abc")).isEmpty();
        assertThat(keys.sourceOf("abcdefg")).isEmpty();
        assertThat(keys.sourceOf("")).isEmpty();
    }

    @Test
    void ignoresWebhookSecretsAndDisabledSources() {
        var keys = ApiKeys.of(Map.of("typeform", source("typeform", true, "webhook-secret", null),
                "retired", source("api", false, "retired-key", null)));

        assertThat(keys.configured()).isFalse();
        assertThat(keys.sourceOf("webhook-secret")).isEmpty();
        assertThat(keys.sourceOf("retired-key")).isEmpty();
    }
}
