package io.leadloop.intake.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.leadloop.intake.sources.SourceSettings;

/** Source configurations as tests need them: a type and secret, and what the test changes. */
public final class SourceSettingsMother {

    private final String type;
    private String secret = "test-secret";
    private String previousSecret;
    private Map<String, String> fieldMapping = Map.of();
    private String campaignId;

    private SourceSettingsMother(String type) {
        this.type = type;
    }

    public static SourceSettingsMother aSource(String type) {
        return new SourceSettingsMother(type);
    }

    public SourceSettingsMother withSecret(String secret) {
        this.secret = secret;
        return this;
    }

    public SourceSettingsMother withPreviousSecret(String previousSecret) {
        this.previousSecret = previousSecret;
        return this;
    }

    public SourceSettingsMother mapping(String platformField, String ourField) {
        var merged = new java.util.LinkedHashMap<>(fieldMapping);
        merged.put(platformField, ourField);
        this.fieldMapping = merged;
        return this;
    }

    public SourceSettingsMother forCampaign(String campaignId) {
        this.campaignId = campaignId;
        return this;
    }

    public SourceSettings build() {
        return new SourceSettings(type, true, secret, previousSecret, null, null, null, fieldMapping, campaignId,
                null, List.of(), 50, Duration.ofMinutes(5));
    }
}
