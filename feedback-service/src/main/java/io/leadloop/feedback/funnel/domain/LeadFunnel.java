package io.leadloop.feedback.funnel.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the funnel knows about one lead: where it came from, which stages it reached and when, and what sales
 * last said about it.
 *
 * <p>Built by folding {@link FunnelFact}s in whatever order they arrive. Stage flags only ever go from false to
 * true and stage times keep the earliest report, so a repeated fact changes nothing; sales' decision and the deal's
 * closing follow the latest {@code occurredAt}, so a late, older report does not overwrite a newer one (on a tie,
 * the later arrival wins, which is how a rep corrects a mistake).
 *
 * @param campaignId the lead's campaign: from its lowest touch (a person submitting again is the same lead, still
 *        counted where it first came from; later touches share revenue through attribution), else from any other
 *        fact; may be null. {@code source} (utm source, else the channel), {@code formId} and {@code landingPage}
 *        come from the same touch
 * @param originTouch the touch number the origin fields come from, 0 before any capture
 * @param firstSeenAt the earliest {@code occurredAt} of any fact; counts the lead's day until its capture is seen
 * @param capturedAt when the lead's lowest touch was captured: the day the lead is counted under
 * @param touches every capture seen, by touch number
 * @param qualifiedAt when the lead first scored MQL
 * @param handedOffAt / slaDueAt the first handoff and the time by which its owner had to touch the lead
 * @param ownerRepId the owner after the latest handoff (a reassignment moves the lead to the new rep)
 * @param decidedAt when sales made the {@code decision} in force, or null
 * @param rejectionReason the reason code of the rejection in force, or null
 * @param firstContactAt the earliest report that the lead was worked (contacted, meeting, opportunity, won)
 * @param meeting a meeting was booked (or the lead went further: an opportunity or a win imply one)
 * @param opportunity an opportunity was opened (or won)
 * @param opportunityAt when the opportunity was first reported (or the win, if no opportunity was)
 * @param closedAt when the {@code closing} in force was reported, or null
 * @param revenue the amount of the win in force, or null
 * @param ownerTeam the owner's team after the latest handoff, or null (handoffs before teams were published)
 */
public record LeadFunnel(
        String leadId,
        String campaignId,
        String source,
        String formId,
        String landingPage,
        int originTouch,
        Instant firstSeenAt,
        Instant capturedAt,
        List<Touch> touches,
        boolean captured,
        boolean qualified,
        Instant qualifiedAt,
        boolean handedOff,
        Instant handedOffAt,
        Instant slaDueAt,
        String ownerRepId,
        Instant ownerSince,
        SalesDecision decision,
        Instant decidedAt,
        String rejectionReason,
        boolean contacted,
        Instant firstContactAt,
        boolean meeting,
        boolean opportunity,
        Instant opportunityAt,
        DealClosing closing,
        Instant closedAt,
        Money revenue,
        String ownerTeam) {

    /** Where leads without a campaign (source, form, landing page, owner) are counted. */
    public static final String NO_CAMPAIGN = "(none)";

    public LeadFunnel {
        Objects.requireNonNull(leadId, "leadId");
        decision = decision == null ? SalesDecision.NONE : decision;
        closing = closing == null ? DealClosing.OPEN : closing;
        touches = touches == null ? List.of() : List.copyOf(touches);
    }

    /** A lead nothing is known about yet. */
    public static LeadFunnel unknown(String leadId) {
        return new Draft(leadId).build();
    }

    /** The campaign this lead is counted under: its campaign id, or {@value #NO_CAMPAIGN}. */
    public String campaignKey() {
        return keyOf(campaignId);
    }

    static String keyOf(String value) {
        return value == null || value.isBlank() ? NO_CAMPAIGN : value;
    }

    /** When the lead's owner first worked it, counted from the handoff; empty until both are known. */
    public java.util.Optional<Duration> timeToFirstTouch() {
        if (handedOffAt == null || firstContactAt == null) {
            return java.util.Optional.empty();
        }
        Duration waited = Duration.between(handedOffAt, firstContactAt);
        return java.util.Optional.of(waited.isNegative() ? Duration.ZERO : waited);
    }

    /** Worked by the SLA's due time of its handoff. */
    public boolean contactedWithinSla() {
        return handedOff && slaDueAt != null && firstContactAt != null && !firstContactAt.isAfter(slaDueAt);
    }

    /** The day-defining instant: the capture of its lowest touch, else the first thing heard of the lead. */
    public Instant countedAt() {
        return capturedAt != null ? capturedAt : firstSeenAt;
    }

    /** This lead with one more fact taken into account. */
    public LeadFunnel apply(FunnelFact fact) {
        Draft next = new Draft(this);
        next.firstSeenAt = earliest(firstSeenAt, fact.occurredAt());
        switch (fact) {
            case FunnelFact.Captured capture -> next.capture(capture);
            case FunnelFact.Scored scored -> {
                next.learnCampaign(scored);
                if (scored.qualified()) {
                    next.qualified = true;
                    next.qualifiedAt = earliest(qualifiedAt, scored.occurredAt());
                }
            }
            case FunnelFact.HandedOff handOff -> next.handOff(handOff);
            case FunnelFact.SalesReported report -> next.salesReport(report);
        }
        return next.build();
    }

    private static Instant earliest(Instant known, Instant candidate) {
        if (candidate == null) {
            return known;
        }
        return known == null || candidate.isBefore(known) ? candidate : known;
    }

    /** The copy being changed while a fact is applied: clearer than one 28-argument constructor call per rule. */
    private static final class Draft {
        final String leadId;
        String campaignId;
        String source;
        String formId;
        String landingPage;
        int originTouch;
        Instant firstSeenAt;
        Instant capturedAt;
        List<Touch> touches = List.of();
        boolean captured;
        boolean qualified;
        Instant qualifiedAt;
        boolean handedOff;
        Instant handedOffAt;
        Instant slaDueAt;
        String ownerRepId;
        Instant ownerSince;
        SalesDecision decision = SalesDecision.NONE;
        Instant decidedAt;
        String rejectionReason;
        boolean contacted;
        Instant firstContactAt;
        boolean meeting;
        boolean opportunity;
        Instant opportunityAt;
        DealClosing closing = DealClosing.OPEN;
        Instant closedAt;
        Money revenue;
        String ownerTeam;

        Draft(String leadId) {
            this.leadId = leadId;
        }

        Draft(LeadFunnel f) {
            leadId = f.leadId; campaignId = f.campaignId; source = f.source; formId = f.formId;
            landingPage = f.landingPage; originTouch = f.originTouch; firstSeenAt = f.firstSeenAt;
            capturedAt = f.capturedAt; touches = f.touches; captured = f.captured; qualified = f.qualified;
            qualifiedAt = f.qualifiedAt; handedOff = f.handedOff; handedOffAt = f.handedOffAt; slaDueAt = f.slaDueAt;
            ownerRepId = f.ownerRepId; ownerSince = f.ownerSince; decision = f.decision; decidedAt = f.decidedAt;
            rejectionReason = f.rejectionReason; contacted = f.contacted; firstContactAt = f.firstContactAt;
            meeting = f.meeting; opportunity = f.opportunity; opportunityAt = f.opportunityAt; closing = f.closing;
            closedAt = f.closedAt; revenue = f.revenue; ownerTeam = f.ownerTeam;
        }

        LeadFunnel build() {
            return new LeadFunnel(leadId, campaignId, source, formId, landingPage, originTouch, firstSeenAt,
                    capturedAt, touches, captured, qualified, qualifiedAt, handedOff, handedOffAt, slaDueAt,
                    ownerRepId, ownerSince, decision, decidedAt, rejectionReason, contacted, firstContactAt, meeting,
                    opportunity, opportunityAt, closing, closedAt, revenue, ownerTeam);
        }

        /** The lowest touch says where the lead came from; on a tie the first arrival stays. */
        void capture(FunnelFact.Captured capture) {
            if (!captured || capture.touch() < originTouch) {
                campaignId = capture.campaignId();
                source = capture.source();
                formId = capture.formId();
                landingPage = capture.landingPage();
                originTouch = capture.touch();
                capturedAt = capture.occurredAt();
            }
            captured = true;
            if (touches.stream().noneMatch(known -> known.touch() == capture.touch())) {
                List<Touch> all = new ArrayList<>(touches);
                all.add(new Touch(capture.touch(), capture.campaignId(), capture.occurredAt()));
                all.sort(Comparator.comparingInt(Touch::touch));
                touches = all;
            }
        }

        void handOff(FunnelFact.HandedOff handOff) {
            learnCampaign(handOff);
            Instant at = handOff.occurredAt();
            if (!handedOff || (at != null && handedOffAt != null && at.isBefore(handedOffAt))) {
                handedOffAt = at;
                slaDueAt = handOff.slaDueAt();
            }
            handedOff = true;
            if (handOff.ownerRepId() != null && (ownerSince == null || at == null || !at.isBefore(ownerSince))) {
                ownerRepId = handOff.ownerRepId();
                ownerTeam = handOff.ownerTeam();
                ownerSince = at;
            }
        }

        void salesReport(FunnelFact.SalesReported report) {
            learnCampaign(report);
            SalesSignal signal = report.signal();
            Instant at = report.occurredAt();
            if (decidedAt == null || !at.isBefore(decidedAt)) {
                decision = signal.decision();
                decidedAt = at;
                rejectionReason = signal == SalesSignal.REJECTED ? reasonCode(report.reason()) : null;
            }
            if (signal.meansContacted()) {
                contacted = true;
                firstContactAt = earliest(firstContactAt, at);
            }
            meeting = meeting || signal == SalesSignal.MEETING_BOOKED || signal == SalesSignal.OPPORTUNITY
                    || signal == SalesSignal.WON;
            if (signal == SalesSignal.OPPORTUNITY || signal == SalesSignal.WON) {
                opportunity = true;
                opportunityAt = earliest(opportunityAt, at);
            }
            if (signal.closes() && (closedAt == null || !at.isBefore(closedAt))) {
                closing = signal == SalesSignal.WON ? DealClosing.WON : DealClosing.LOST;
                closedAt = at;
                revenue = signal == SalesSignal.WON ? report.revenue() : null;
            }
        }

        /** The first capture says where a lead came from; other facts only fill in a campaign nobody told us yet. */
        void learnCampaign(FunnelFact fact) {
            if (!captured && campaignId == null) {
                campaignId = fact.campaignId();
            }
        }

        /** Published reasons are {@code code} or {@code "code: detail"}; codes have no colon. */
        private static String reasonCode(String reason) {
            if (reason == null || reason.isBlank()) {
                return "unknown";
            }
            int colon = reason.indexOf(':');
            return (colon < 0 ? reason : reason.substring(0, colon)).trim().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
