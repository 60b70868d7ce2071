package io.leadloop.feedback.funnel;

import java.math.BigDecimal;
import java.util.Map;

import io.leadloop.feedback.funnel.domain.FunnelNumbers;

/**
 * A campaign's funnel as the API shows it: how many of its leads reached each stage, and the revenue won per
 * currency, all time. Kept apart from {@link FunnelNumbers} so the public JSON does not change when the state does.
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

    static CampaignNumbers of(String campaignId, FunnelNumbers funnel) {
        return new CampaignNumbers(campaignId, funnel.captured(), funnel.qualified(), funnel.handedOff(),
                funnel.accepted(), funnel.rejected(), funnel.contacted(), funnel.won(), funnel.lost(),
                funnel.revenue());
    }
}
