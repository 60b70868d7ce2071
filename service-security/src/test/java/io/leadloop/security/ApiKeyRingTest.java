package io.leadloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiKeyRingTest {

    @Test
    void namesTheIntegrationWhoseKeyWasPresented() {
        var ring = ApiKeyRing.of(Map.of("crm-sync", List.of("k-crm"), "etl", List.of("k-etl")));

        assertThat(ring.callerOf("k-crm")).contains("crm-sync");
        assertThat(ring.callerOf("k-etl")).contains("etl");
    }

    @Test
    void acceptsBothKeysDuringARotationAndNoOther() {
        var ring = ApiKeyRing.of(Map.of("crm-sync", List.of("new-key", "old-key")));

        assertThat(ring.callerOf("new-key")).contains("crm-sync");
        assertThat(ring.callerOf("old-key")).contains("crm-sync");
        assertThat(ring.callerOf("older-key")).isEmpty();
    }

    @Test
    void refusesPrefixesExtensionsAndNothing() {
        var ring = ApiKeyRing.of(Map.of("crm-sync", List.of("abcdef")));

        assertThat(ring.callerOf("abc")).isEmpty();
        assertThat(ring.callerOf("abcdefg")).isEmpty();
        assertThat(ring.callerOf("")).isEmpty();
        assertThat(ring.callerOf(null)).isEmpty();
    }

    @Test
    void unsetKeysConfigureNothing() {
        var ring = ApiKeyRing.of(Map.of("crm-sync", Arrays.asList(null, " ")));

        assertThat(ring.configured()).isFalse();
        assertThat(ring.callerOf(" ")).isEmpty();
    }
}
