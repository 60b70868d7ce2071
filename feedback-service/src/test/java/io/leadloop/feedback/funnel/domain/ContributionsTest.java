package io.leadloop.feedback.funnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContributionsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-23");

    @Test
    void countsEachStageALeadReachedUnderEveryDimensionOnItsCaptureDay() {
        LeadFunnel lead = wonLead("lead-1", "spring", usd("1200.00"));

        Map<NumbersKey, FunnelNumbers> numbers = Contributions.of(lead);

        FunnelNumbers campaign = numbers.get(new NumbersKey(Dimension.CAMPAIGN, "spring", DAY));
        assertThat(campaign.withoutAttribution()).isEqualTo(new FunnelNumbers(1, 1, 1, 1, 0, Map.of(), 1, 1,
                Map.of(30L, 1L), 1, 1, 1, 0, Map.of("USD", new BigDecimal("1200.00")), Map.of()));
        assertThat(numbers).containsKeys(new NumbersKey(Dimension.SOURCE, "google", DAY),
                new NumbersKey(Dimension.FORM, "demo", DAY), new NumbersKey(Dimension.LANDING_PAGE, "/demo", DAY),
                new NumbersKey(Dimension.REP, "rep-ana", DAY), new NumbersKey(Dimension.TEAM, "team-emea", DAY));
        assertThat(numbers.get(new NumbersKey(Dimension.TEAM, "team-emea", DAY)).won()).isEqualTo(1);
        assertThat(campaign.attributedRevenue()).containsEntry("linear", Map.of("USD", new BigDecimal("1200.00")));
    }

    @Test
    void replacingALeadsOldContributionWithItsNewOneCountsItOnce() {
        LeadFunnel captured = LeadFunnel.unknown("lead-1").apply(capture("lead-1", 1, "c", T0));
        LeadFunnel rescored = captured.apply(new FunnelFact.Scored("lead-1", "c", true, T0));

        Map<NumbersKey, FunnelNumbers> sums = new HashMap<>();
        Contributions.change(null, captured).forEach((k, v) -> sums.merge(k, v, FunnelNumbers::plus));
        Contributions.change(captured, rescored).forEach((k, v) -> sums.merge(k, v, FunnelNumbers::plus));

        FunnelNumbers campaign = sums.get(new NumbersKey(Dimension.CAMPAIGN, "c", DAY));
        assertThat(campaign.captured()).isEqualTo(1);
        assertThat(campaign.qualified()).isEqualTo(1);
    }

    @Test
    void aRejectionCountsUnderItsReasonCodeAndMovesWhenSalesChangesItsMind() {
        LeadFunnel rejected = LeadFunnel.unknown("lead-1").apply(capture("lead-1", 1, "c", T0))
                .apply(new FunnelFact.SalesReported("lead-1", "c", SalesSignal.REJECTED, null,
                        "no-budget: next year", T0.plusSeconds(60)));
        LeadFunnel accepted = rejected.apply(new FunnelFact.SalesReported("lead-1", "c", SalesSignal.ACCEPTED, null,
                T0.plusSeconds(120)));

        NumbersKey key = new NumbersKey(Dimension.CAMPAIGN, "c", DAY);
        assertThat(Contributions.of(rejected).get(key).rejectedByReason()).isEqualTo(Map.of("no-budget", 1L));
        FunnelNumbers change = Contributions.change(rejected, accepted).get(key);
        assertThat(change.rejected()).isEqualTo(-1);
        assertThat(change.accepted()).isEqualTo(1);
        assertThat(change.rejectedByReason()).isEqualTo(Map.of("no-budget", -1L));
    }

    @Test
    void sharesAWinOverTheCampaignsOfTheLeadsTouchesAndLeavesTheRestAlone() {
        LeadFunnel lead = LeadFunnel.unknown("lead-1")
                .apply(capture("lead-1", 1, "ads", T0))
                .apply(capture("lead-1", 2, "webinar", T0.plusSeconds(3600)))
                .apply(new FunnelFact.SalesReported("lead-1", "ads", SalesSignal.WON, usd("1000.00"),
                        T0.plusSeconds(7200)));

        Map<NumbersKey, FunnelNumbers> numbers = Contributions.of(lead);

        FunnelNumbers webinar = numbers.get(new NumbersKey(Dimension.CAMPAIGN, "webinar", DAY));
        assertThat(webinar.withoutAttribution().addsNothing()).isTrue();
        assertThat(webinar.attributedRevenue()).containsEntry("last-touch", Map.of("USD", new BigDecimal("1000.00")))
                .containsEntry("linear", Map.of("USD", new BigDecimal("500.00")))
                .doesNotContainKey("first-touch");
        assertThat(numbers.get(new NumbersKey(Dimension.CAMPAIGN, "ads", DAY)).won()).isEqualTo(1);
    }

    @Test
    void medianOfTheFirstTouchHistogram() {
        FunnelNumbers numbers = new FunnelNumbers(0, 0, 0, 0, 0, Map.of(), 0, 0, Map.of(5L, 1L, 10L, 2L, 60L, 1L),
                0, 0, 0, 0, Map.of(), Map.of());

        assertThat(numbers.medianMinutesToFirstTouch()).isEqualTo(10.0);
        assertThat(numbers.plus(new FunnelNumbers(0, 0, 0, 0, 0, Map.of(), 0, 0, Map.of(70L, 2L), 0, 0, 0, 0,
                Map.of(), Map.of())).medianMinutesToFirstTouch()).isEqualTo(35.0);
        assertThat(FunnelNumbers.ZERO.medianMinutesToFirstTouch()).isNull();
    }

    @Test
    void sumsRevenuePerCurrencyAndDropsACurrencyThatFallsToZero() {
        FunnelNumbers usd = Contributions.of(wonLead("lead-1", "c", usd("1200.00"))).get(key("c"));
        FunnelNumbers eur = Contributions.of(wonLead("lead-2", "c", new Money(new BigDecimal("99.50"), "EUR")))
                .get(key("c"));

        FunnelNumbers both = usd.plus(eur);

        assertThat(both.revenue()).containsExactly(
                Map.entry("EUR", new BigDecimal("99.50")), Map.entry("USD", new BigDecimal("1200.00")));
        assertThat(both.plus(eur.negated()).revenue()).containsOnlyKeys("USD");
        assertThat(both.plus(eur.negated()).plus(usd.negated()).addsNothing()).isTrue();
    }

    private static NumbersKey key(String campaign) {
        return new NumbersKey(Dimension.CAMPAIGN, campaign, DAY);
    }

    private static LeadFunnel wonLead(String leadId, String campaign, Money revenue) {
        return LeadFunnel.unknown(leadId)
                .apply(new FunnelFact.Captured(leadId, 1, campaign, "google", "demo", "/demo", T0))
                .apply(new FunnelFact.Scored(leadId, campaign, true, T0.plusSeconds(60)))
                .apply(new FunnelFact.HandedOff(leadId, campaign, "rep-ana", "team-emea", T0.plusSeconds(3720), T0.plusSeconds(120)))
                .apply(new FunnelFact.SalesReported(leadId, campaign, SalesSignal.CONTACTED, null, T0.plusSeconds(1920)))
                .apply(new FunnelFact.SalesReported(leadId, campaign, SalesSignal.WON, revenue, T0.plusSeconds(7200)));
    }

    private static FunnelFact.Captured capture(String leadId, int touch, String campaign, Instant at) {
        return new FunnelFact.Captured(leadId, touch, campaign, null, null, null, at);
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }
}
