package io.leadloop.feedback.funnel;

import java.util.List;
import java.util.Optional;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadSource;
import io.leadloop.events.LeadStage;
import io.leadloop.events.SalesOutcome;
import io.leadloop.events.Utm;
import io.leadloop.feedback.funnel.domain.FunnelFact;
import io.leadloop.feedback.funnel.domain.Money;
import io.leadloop.feedback.funnel.domain.SalesSignal;

/** Translates the events of the loop into what the funnel needs of them. */
final class FunnelFacts {

    private FunnelFacts() {
    }

    static FunnelFact captured(LeadCaptured event) {
        LeadDetails lead = event.getLead();
        LeadSource source = lead == null ? null : lead.getSource();
        return new FunnelFact.Captured(event.getLeadId(), event.getTouch(), campaignOf(lead), sourceOf(lead),
                source == null ? null : source.getFormId(), source == null ? null : source.getLandingPage(),
                event.getOccurredAt());
    }

    static FunnelFact scored(LeadScored event) {
        return new FunnelFact.Scored(event.getLeadId(), campaignOf(event.getLead()),
                event.getStage() == LeadStage.MQL, event.getOccurredAt());
    }

    static FunnelFact handedOff(LeadHandedOff event) {
        return new FunnelFact.HandedOff(event.getLeadId(), campaignOf(event.getLead()), event.getOwnerRepId(),
                event.getOwnerTeam(),
                event.getSlaDueAt(), event.getOccurredAt());
    }

    /**
     * None for an outcome this version does not know ({@code UNKNOWN}, what an old reader sees of a newer one):
     * it is skipped rather than dead-lettered, since the event itself is fine.
     */
    static List<FunnelFact> salesReported(FeedbackRecorded event) {
        return signalOf(event.getOutcome())
                .<FunnelFact>map(signal -> new FunnelFact.SalesReported(event.getLeadId(), event.getCampaignId(),
                        signal, revenueOf(event, signal), event.getReason(), event.getOccurredAt()))
                .map(List::of)
                .orElse(List.of());
    }

    private static Optional<SalesSignal> signalOf(SalesOutcome outcome) {
        if (outcome == null || outcome == SalesOutcome.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(SalesSignal.valueOf(outcome.name()));
    }

    private static Money revenueOf(FeedbackRecorded event, SalesSignal signal) {
        if (signal != SalesSignal.WON || event.getAmount() == null || event.getCurrency() == null) {
            return null;
        }
        return new Money(event.getAmount(), event.getCurrency());
    }

    /** Marketing reads sources as utm sources (google, newsletter); the channel stands in when there is none. */
    private static String sourceOf(LeadDetails lead) {
        if (lead == null) {
            return null;
        }
        Utm utm = lead.getUtm();
        if (utm != null && utm.getSource() != null && !utm.getSource().isBlank()) {
            return utm.getSource();
        }
        return lead.getSource() == null ? null : lead.getSource().getChannel();
    }

    private static String campaignOf(LeadDetails lead) {
        LeadSource source = lead == null ? null : lead.getSource();
        return source == null ? null : source.getCampaignId();
    }
}
