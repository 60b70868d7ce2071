package io.leadloop.feedback.funnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LeadFunnelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final LeadFunnel lead = LeadFunnel.unknown("lead-1");

    @Test
    void captureMakesTheLeadKnownUnderItsCampaign() {
        LeadFunnel funnel = lead.apply(new FunnelFact.Captured("lead-1", "spring-launch", T0));

        assertThat(funnel.captured()).isTrue();
        assertThat(funnel.campaignKey()).isEqualTo("spring-launch");
    }

    @Test
    void leadWithoutCampaignIsCountedUnderNone() {
        LeadFunnel funnel = lead.apply(new FunnelFact.Captured("lead-1", null, T0));

        assertThat(funnel.campaignKey()).isEqualTo(LeadFunnel.NO_CAMPAIGN);
    }

    @Test
    void staysQualifiedOnceItWasAnMqlEvenWhenRescoredBelow() {
        LeadFunnel funnel = lead
                .apply(new FunnelFact.Scored("lead-1", "c", true, T0))
                .apply(new FunnelFact.Scored("lead-1", "c", false, T0.plusSeconds(60)));

        assertThat(funnel.qualified()).isTrue();
    }

    @Test
    void captureCampaignWinsOverWhatOtherEventsSaid() {
        LeadFunnel funnel = lead
                .apply(new FunnelFact.Scored("lead-1", "from-score", true, T0))
                .apply(new FunnelFact.Captured("lead-1", "from-capture", T0))
                .apply(new FunnelFact.HandedOff("lead-1", "from-handoff", T0));

        assertThat(funnel.campaignId()).isEqualTo("from-capture");
    }

    @Test
    void staysInTheCampaignOfItsFirstCaptureWhenThePersonSubmitsAgain() {
        LeadFunnel funnel = lead
                .apply(new FunnelFact.Captured("lead-1", "first-touch", T0))
                .apply(new FunnelFact.Captured("lead-1", "second-touch", T0.plusSeconds(3600)));

        assertThat(funnel.campaignId()).isEqualTo("first-touch");
    }

    @Test
    void repeatedFactsChangeNothing() {
        var won = new FunnelFact.SalesReported("lead-1", "c", SalesSignal.WON, usd("1200.00"), T0);
        LeadFunnel once = lead.apply(new FunnelFact.Captured("lead-1", "c", T0)).apply(won);

        assertThat(once.apply(won)).isEqualTo(once);
    }

    @Test
    void workingALeadMeansSalesAcceptedIt() {
        LeadFunnel funnel = lead.apply(sales(SalesSignal.CONTACTED, T0));

        assertThat(funnel.decision()).isEqualTo(SalesDecision.ACCEPTED);
        assertThat(funnel.contacted()).isTrue();
    }

    @Test
    void laterRejectionReplacesAcceptance() {
        LeadFunnel funnel = lead.apply(sales(SalesSignal.ACCEPTED, T0)).apply(sales(SalesSignal.REJECTED, T0.plusSeconds(1)));

        assertThat(funnel.decision()).isEqualTo(SalesDecision.REJECTED);
    }

    @Test
    void olderReportArrivingLateDoesNotOverrideANewerOne() {
        LeadFunnel funnel = lead.apply(sales(SalesSignal.ACCEPTED, T0.plusSeconds(60))).apply(sales(SalesSignal.REJECTED, T0));

        assertThat(funnel.decision()).isEqualTo(SalesDecision.ACCEPTED);
    }

    @Test
    void winCarriesItsRevenueAndALaterLossTakesItAway() {
        LeadFunnel won = lead.apply(new FunnelFact.SalesReported("lead-1", "c", SalesSignal.WON, usd("1200.00"), T0));
        LeadFunnel lost = won.apply(sales(SalesSignal.LOST, T0.plusSeconds(60)));

        assertThat(won.closing()).isEqualTo(DealClosing.WON);
        assertThat(won.revenue()).isEqualTo(usd("1200.00"));
        assertThat(lost.closing()).isEqualTo(DealClosing.LOST);
        assertThat(lost.revenue()).isNull();
    }

    @Test
    void correctedWinReplacesTheAmountInsteadOfAddingToIt() {
        LeadFunnel funnel = lead
                .apply(new FunnelFact.SalesReported("lead-1", "c", SalesSignal.WON, usd("1000.00"), T0))
                .apply(new FunnelFact.SalesReported("lead-1", "c", SalesSignal.WON, usd("1200.00"), T0.plusSeconds(5)));

        assertThat(funnel.revenue()).isEqualTo(usd("1200.00"));
    }

    private static FunnelFact sales(SalesSignal signal, Instant at) {
        return new FunnelFact.SalesReported("lead-1", "c", signal, null, at);
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }
}
