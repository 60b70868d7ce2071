package io.leadloop.handoff.assignment;

/**
 * Names of the Kafka Streams state stores of the handoff topology (their changelogs are named after them). All of
 * them live in the single routing task (see {@link HandoffTopology}).
 */
public final class HandoffStores {

    /** leadId → the latest {@code LeadHandedOff} of that lead (the snapshot the API and reassignments use). */
    public static final String HANDOFFS = "handoffs";

    /** leadId → {@link LeadState}: current owner, SLA clock, pending timer. */
    public static final String LEAD_STATES = "lead-states";

    /** {@code <13-digit epoch millis>|leadId} → leadId: pending SLA timers in due order, for range scans. */
    public static final String SLA_TIMERS = "sla-timers";

    /** {@code repId|leadId} → leadId: each rep's open queue. */
    public static final String REP_QUEUES = "rep-queues";

    /** repId → {@link RepLoad}. */
    public static final String REP_LOADS = "rep-loads";

    /** One entry: the weighted round-robin credits of every rep. */
    public static final String ROUTING_CREDITS = "routing-credits";

    private HandoffStores() {
    }
}
