package io.leadloop.feedback.funnel.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The funnel of one campaign: how many of its leads reached each stage, and the revenue won, per currency.
 *
 * <p>Kept as a sum of {@link LeadFunnel}s that can be taken back out again: when a lead's funnel changes, its old
 * version is {@linkplain #minus subtracted} and its new one {@linkplain #plus added}, so a lead re-scored or
 * reported twice is still counted once, and a lead that moves campaign leaves the old one.
 */
public record CampaignFunnel(
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

    public CampaignFunnel {
        Objects.requireNonNull(campaignId, "campaignId");
        revenue = revenue == null ? Map.of() : Map.copyOf(revenue);
    }

    public static CampaignFunnel empty(String campaignId) {
        return new CampaignFunnel(campaignId, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
    }

    /** This campaign with one lead's funnel counted in. */
    public CampaignFunnel plus(LeadFunnel lead) {
        return add(lead, 1);
    }

    /** This campaign with one lead's funnel, counted in earlier, taken back out. */
    public CampaignFunnel minus(LeadFunnel lead) {
        return add(lead, -1);
    }

    /** Revenue per currency, sorted by currency code so answers read the same every time. */
    @Override
    public Map<String, BigDecimal> revenue() {
        return new TreeMap<>(revenue);
    }

    private CampaignFunnel add(LeadFunnel lead, int sign) {
        return new CampaignFunnel(campaignId,
                captured + count(lead.captured(), sign),
                qualified + count(lead.qualified(), sign),
                handedOff + count(lead.handedOff(), sign),
                accepted + count(lead.decision() == SalesDecision.ACCEPTED, sign),
                rejected + count(lead.decision() == SalesDecision.REJECTED, sign),
                contacted + count(lead.contacted(), sign),
                won + count(lead.closing() == DealClosing.WON, sign),
                lost + count(lead.closing() == DealClosing.LOST, sign),
                revenueWith(lead, sign));
    }

    private Map<String, BigDecimal> revenueWith(LeadFunnel lead, int sign) {
        Money won = lead.closing() == DealClosing.WON ? lead.revenue() : null;
        if (won == null) {
            return revenue;
        }
        var sums = new TreeMap<>(revenue);
        BigDecimal change = sign > 0 ? won.amount() : won.amount().negate();
        BigDecimal sum = sums.getOrDefault(won.currency(), BigDecimal.ZERO.setScale(2)).add(change);
        if (sum.signum() == 0) {
            sums.remove(won.currency());
        } else {
            sums.put(won.currency(), sum);
        }
        return sums;
    }

    private static long count(boolean reached, int sign) {
        return reached ? sign : 0;
    }
}
