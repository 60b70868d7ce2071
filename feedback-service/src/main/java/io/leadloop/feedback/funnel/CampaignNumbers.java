package io.leadloop.feedback.funnel;

import java.math.BigDecimal;
import java.util.Map;

import io.leadloop.feedback.funnel.domain.CampaignFunnel;

/**
 * A campaign's funnel as the API shows it: how many of its leads reached each stage, and the revenue won per
 * currency. Kept apart from {@link CampaignFunnel} so the public JSON does not change when the state does.
 */
public record CampaignNumbers(
        String campaignId,
        long captured,
        long qualified,
        long handedOff,
        long accepted,
        long rejected,
        long contacted,
        long won,
        long lost,
        Map<String, BigDecimal> revenue) {

    static CampaignNumbers of(CampaignFunnel funnel) {
        return new CampaignNumbers(funnel.campaignId(), funnel.captured(), funnel.qualified(), funnel.handedOff(),
                funnel.accepted(), funnel.rejected(), funnel.contacted(), funnel.won(), funnel.lost(),
                funnel.revenue());
    }
}
