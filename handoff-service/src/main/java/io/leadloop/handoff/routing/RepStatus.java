package io.leadloop.handoff.routing;

/**
 * What routing needs to know about a rep right now that is not part of the rep's profile: their load (kept in a
 * state store by the caller) and whether they are at work (their team calendar, which routing does not know).
 */
public interface RepStatus {

    /** Within the working hours of the rep's calendar at the moment of routing. */
    boolean atWork(Rep rep);

    /** Leads the rep owns that are not closed yet. */
    int openLeads(Rep rep);

    /** Leads routed to the rep on the current local day of the rep's calendar. */
    int assignedToday(Rep rep);
}
