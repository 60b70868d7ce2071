package io.leadloop.feedback.funnel.domain;

import java.time.Instant;

/**
 * One submission of a lead (the person's {@code touch}-th), with the campaign it came through: what revenue is
 * attributed over.
 *
 * @param campaignId may be null (counted under {@value LeadFunnel#NO_CAMPAIGN})
 */
public record Touch(int touch, String campaignId, Instant occurredAt) {

    public String campaignKey() {
        return LeadFunnel.keyOf(campaignId);
    }
}
