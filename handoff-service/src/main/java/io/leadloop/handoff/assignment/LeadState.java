package io.leadloop.handoff.assignment;

import java.time.Instant;
import java.util.List;

/**
 * Where a handed-off lead stands: its current owner, its SLA clock and the next timer. Kept per lead in the
 * {@link HandoffStores#LEAD_STATES} store.
 *
 * @param ownerHandedOffAt when the current owner got the lead (the handoff or the reassignment)
 * @param timerAt when the next timer fires, null when none is pending
 * @param phase what the pending timer does
 * @param escalationLevel the last ladder step taken (0 before any)
 * @param previousOwners owners an escalation took the lead from, who are not routed to again
 * @param firstTouchAt when the first CONTACTED/ACCEPTED/REJECTED (or later) feedback happened, which stops the clock
 */
public record LeadState(String leadId, int handoffNumber, String ownerRepId, String ownerTeam, String priority,
        Instant ownerHandedOffAt, Instant slaDueAt, Status status, SlaStatus sla, Phase phase, Instant timerAt,
        int escalationLevel, List<String> previousOwners, Instant firstTouchAt) {

    public LeadState {
        previousOwners = previousOwners == null ? List.of() : List.copyOf(previousOwners);
    }

    /** Open: owned by a rep; closed: won, lost; recycled: rejected and back with marketing. */
    public enum Status { OPEN, CLOSED, RECYCLED }

    /** RUNNING until the first touch or the breach; MET / MET_LATE when touched before / after the due time. */
    public enum SlaStatus { RUNNING, BREACHED, MET, MET_LATE }

    /** The pending timer's job. */
    public enum Phase { REMIND, BREACH, ESCALATE, NONE }

    LeadState withTimer(Phase phase, Instant at) {
        return new LeadState(leadId, handoffNumber, ownerRepId, ownerTeam, priority, ownerHandedOffAt, slaDueAt, status,
                sla, phase, at, escalationLevel, previousOwners, firstTouchAt);
    }

    LeadState withSla(SlaStatus sla) {
        return new LeadState(leadId, handoffNumber, ownerRepId, ownerTeam, priority, ownerHandedOffAt, slaDueAt, status,
                sla, phase, timerAt, escalationLevel, previousOwners, firstTouchAt);
    }

    LeadState touched(Instant at, SlaStatus sla) {
        return new LeadState(leadId, handoffNumber, ownerRepId, ownerTeam, priority, ownerHandedOffAt, slaDueAt, status,
                sla, Phase.NONE, null, escalationLevel, previousOwners, at);
    }

    LeadState withStatus(Status status) {
        return new LeadState(leadId, handoffNumber, ownerRepId, ownerTeam, priority, ownerHandedOffAt, slaDueAt, status,
                sla, status == Status.OPEN ? phase : Phase.NONE, status == Status.OPEN ? timerAt : null,
                escalationLevel, previousOwners, firstTouchAt);
    }

    LeadState escalated(int level) {
        return new LeadState(leadId, handoffNumber, ownerRepId, ownerTeam, priority, ownerHandedOffAt, slaDueAt, status,
                sla, phase, timerAt, level, previousOwners, firstTouchAt);
    }

    LeadState reassigned(String newOwner, String newTeam, Instant at, Instant dueAt) {
        var previous = new java.util.ArrayList<>(previousOwners);
        previous.add(ownerRepId);
        return new LeadState(leadId, handoffNumber, newOwner, newTeam, priority, at, dueAt, status, SlaStatus.RUNNING,
                Phase.NONE, null, escalationLevel, previous, firstTouchAt);
    }

    boolean open() {
        return status == Status.OPEN;
    }
}
