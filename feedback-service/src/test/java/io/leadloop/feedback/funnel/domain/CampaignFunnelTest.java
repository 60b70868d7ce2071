package io.leadloop.feedback.funnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CampaignFunnelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void countsEachStageALeadReached() {
        LeadFunnel lead = LeadFunnel.unknown("lead-1")
                .apply(new FunnelFact.Captured("lead-1", "c", T0))
                .apply(new FunnelFact.Scored("lead-1", "c", true, T0))
                .apply(new FunnelFact.HandedOff("lead-1", "c", T0))
                .apply(new FunnelFact.SalesReported("lead-1", "c", SalesSignal.WON, usd("1200.00"), T0));

        CampaignFunnel campaign = CampaignFunnel.empty("c").plus(lead);

        assertThat(campaign).isEqualTo(new CampaignFunnel("c", 1, 1, 1, 1, 0, 1, 1, 0,
                Map.of("USD", new BigDecimal("1200.00"))));
    }

    @Test
    void replacingALeadsOldFunnelWithItsNewOneCountsItOnce() {
        LeadFunnel captured = LeadFunnel.unknown("lead-1").apply(new FunnelFact.Captured("lead-1", "c", T0));
        LeadFunnel rescored = captured.apply(new FunnelFact.Scored("lead-1", "c", true, T0));

        CampaignFunnel campaign = CampaignFunnel.empty("c").plus(captured).minus(captured).plus(rescored);

        assertThat(campaign.captured()).isEqualTo(1);
        assertThat(campaign.qualified()).isEqualTo(1);
    }

    @Test
    void sumsRevenuePerCurrencyAndDropsACurrencyThatFallsToZero() {
        LeadFunnel usdWin = won("lead-1", usd("1200.00"));
        LeadFunnel eurWin = won("lead-2", new Money(new BigDecimal("99.50"), "EUR"));
        LeadFunnel otherUsdWin = won("lead-3", usd("0.50"));

        CampaignFunnel campaign = CampaignFunnel.empty("c").plus(usdWin).plus(eurWin).plus(otherUsdWin);

        assertThat(campaign.revenue()).containsExactly(
                Map.entry("EUR", new BigDecimal("99.50")), Map.entry("USD", new BigDecimal("1200.50")));
        assertThat(campaign.minus(eurWin).revenue()).containsOnlyKeys("USD");
    }

    private static LeadFunnel won(String leadId, Money revenue) {
        return LeadFunnel.unknown(leadId).apply(new FunnelFact.SalesReported(leadId, "c", SalesSignal.WON, revenue, T0));
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }
}
