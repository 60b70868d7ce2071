package io.leadloop.feedback.funnel.domain;

/**
 * What sales reported about a lead, as the funnel reads it. Mirrors the published outcomes; kept here so the
 * funnel's rules do not depend on the wire format.
 */
public enum SalesSignal {
    ACCEPTED, REJECTED, CONTACTED, MEETING_BOOKED, OPPORTUNITY, WON, LOST, RECYCLED;

    /** Working a lead, or closing it either way, means sales took it: they accepted it. */
    SalesDecision decision() {
        return switch (this) {
            case REJECTED -> SalesDecision.REJECTED;
            case RECYCLED -> SalesDecision.RECYCLED;
            case ACCEPTED, CONTACTED, MEETING_BOOKED, OPPORTUNITY, WON, LOST -> SalesDecision.ACCEPTED;
        };
    }

    /** A meeting, an opportunity or a win cannot happen without the lead having been contacted. */
    boolean meansContacted() {
        return this == CONTACTED || this == MEETING_BOOKED || this == OPPORTUNITY || this == WON;
    }

    boolean closes() {
        return this == WON || this == LOST;
    }
}
