package io.leadloop.feedback.funnel.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything the funnel knows about one lead: which stages it reached and what sales last said about it.
 *
 * <p>Built by folding {@link FunnelFact}s in whatever order they arrive. Stage flags only ever go from false to
 * true, so a repeated fact changes nothing; sales' decision and the deal's closing follow the latest
 * {@code occurredAt}, so a late, older report does not overwrite a newer one (on a tie, the later arrival wins,
 * which is how a rep corrects a mistake).
 *
 * @param campaignId the lead's campaign: from its first capture (a person submitting again is the same lead, still
 *        counted where it first came from; attributing later touches is issue 6's work), else from any other
 *        fact; may be null
 * @param decidedAt when sales made the {@code decision} in force, or null
 * @param closedAt when the {@code closing} in force was reported, or null
 * @param revenue the amount of the win in force, or null
 */
public record LeadFunnel(
        String leadId,
        String campaignId,
        boolean captured,
        boolean qualified,
        boolean handedOff,
        SalesDecision decision,
        Instant decidedAt,
        boolean contacted,
        DealClosing closing,
        Instant closedAt,
        Money revenue) {

    /** Where leads without a campaign are counted. */
    public static final String NO_CAMPAIGN = "(none)";

    public LeadFunnel {
        Objects.requireNonNull(leadId, "leadId");
        decision = decision == null ? SalesDecision.NONE : decision;
        closing = closing == null ? DealClosing.OPEN : closing;
    }

    /** A lead nothing is known about yet. */
    public static LeadFunnel unknown(String leadId) {
        return new LeadFunnel(leadId, null, false, false, false, SalesDecision.NONE, null, false, DealClosing.OPEN,
                null, null);
    }

    /** The campaign this lead is counted under: its campaign id, or {@value #NO_CAMPAIGN}. */
    public String campaignKey() {
        return campaignId == null || campaignId.isBlank() ? NO_CAMPAIGN : campaignId;
    }

    /** This lead with one more fact taken into account. */
    public LeadFunnel apply(FunnelFact fact) {
        return switch (fact) {
            case FunnelFact.Captured capture -> new LeadFunnel(leadId, captured ? campaignId : capture.campaignId(),
                    true, qualified, handedOff, decision, decidedAt, contacted, closing, closedAt, revenue);
            case FunnelFact.Scored scored -> new LeadFunnel(leadId, campaignLearntFrom(scored), captured,
                    qualified || scored.qualified(), handedOff, decision, decidedAt, contacted, closing, closedAt,
                    revenue);
            case FunnelFact.HandedOff handOff -> new LeadFunnel(leadId, campaignLearntFrom(handOff), captured,
                    qualified, true, decision, decidedAt, contacted, closing, closedAt, revenue);
            case FunnelFact.SalesReported report -> withSalesReport(report);
        };
    }

    private LeadFunnel withSalesReport(FunnelFact.SalesReported report) {
        SalesSignal signal = report.signal();
        Instant at = report.occurredAt();
        boolean newerDecision = decidedAt == null || !at.isBefore(decidedAt);
        boolean newerClosing = signal.closes() && (closedAt == null || !at.isBefore(closedAt));
        return new LeadFunnel(leadId, campaignLearntFrom(report), captured, qualified, handedOff,
                newerDecision ? signal.decision() : decision,
                newerDecision ? at : decidedAt,
                contacted || signal.meansContacted(),
                newerClosing ? (signal == SalesSignal.WON ? DealClosing.WON : DealClosing.LOST) : closing,
                newerClosing ? at : closedAt,
                newerClosing ? (signal == SalesSignal.WON ? report.revenue() : null) : revenue);
    }

    /** The first capture says where a lead came from; other facts only fill in a campaign nobody has told us yet. */
    private String campaignLearntFrom(FunnelFact fact) {
        if (captured || campaignId != null) {
            return campaignId;
        }
        return fact.campaignId();
    }
}
