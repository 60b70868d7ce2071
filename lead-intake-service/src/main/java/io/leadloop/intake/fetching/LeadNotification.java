package io.leadloop.intake.fetching;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform told us a lead exists; it still has to be fetched. Small on purpose: the lead's answers are never
 * in it (the platforms do not send them), only what is needed to fetch them from the platform's API later.
 *
 * @param source the configured source the notification came through (its settings hold the API URL and token)
 * @param platform the source's type ({@code meta}, {@code linkedin}); picks the {@link LeadFetcher}
 * @param leadId the platform's lead id (Meta's {@code leadgen_id}, the id of LinkedIn's leadGenFormResponse urn);
 *     also the delivery id that makes a repeated notification a repeat
 * @param formId the platform's form, when the notification says it
 * @param adId the platform's ad (creative), when the notification says it
 * @param campaignId the platform's campaign, when the notification says it
 * @param receivedAt when intake took the notification
 */
public record LeadNotification(String source, String platform, String leadId, String formId, String adId,
        String campaignId, Instant receivedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LeadNotification {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** Reads a record value; {@link LeadNotFetchableException} when it is not a notification (never retried). */
    public static LeadNotification fromJson(String json) {
        try {
            return JSON.readValue(json, LeadNotification.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new LeadNotFetchableException("Not a lead notification: " + e.getMessage(), e);
        }
    }
}
