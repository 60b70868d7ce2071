package io.leadloop.intake.lead;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * A lead as our JSON API takes it ({@code POST /api/v1/leads}). Every part is optional here; what is required
 * and well-formed is the {@link LeadValidator}'s call, so that one response can name every offending field.
 * Top-level fields we have no column for are kept as attributes, not dropped.
 */
public record LeadSubmission(
        String email,
        String phone,
        String firstName,
        String lastName,
        String jobTitle,
        Company company,
        Source source,
        Utm utm,
        Engagement engagement,
        Consent consent,
        Map<String, String> clickIds,
        Map<String, String> attributes,
        @JsonAnySetter Map<String, Object> unknownFields) {

    public LeadSubmission {
        clickIds = clickIds == null ? Map.of() : clickIds;
        attributes = attributes == null ? Map.of() : attributes;
        unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
    }

    public record Company(String name, String domain, Integer employees, String industry, String country) {
    }

    public record Source(String channel, String campaignId, String formId, String landingPage) {
    }

    public record Utm(String source, String medium, String campaign, String term, String content) {
    }

    public record Engagement(Integer visits, Integer timeOnSiteSeconds, Integer pageViews, String lastActivity) {
    }

    /**
     * Consent per purpose, with what the person was shown.
     *
     * @param capturedAt when the person gave it; the time intake received the lead when not said
     */
    public record Consent(Boolean marketing, Boolean salesContact, String text, String version,
            java.time.Instant capturedAt) {
    }
}
