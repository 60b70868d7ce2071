package io.leadloop.handoff.assignment;

/** Names of the Kafka Streams state stores of the handoff topology (their changelogs are named after them). */
public final class HandoffStores {

    /** leadId → the {@code LeadHandedOff} of that lead: answers the HTTP API and stops a second handoff. */
    public static final String HANDOFFS = "handoffs";

    /** One entry per task: the rep who got the previous lead, where round robin continues. */
    public static final String ROUTING_CURSOR = "routing-cursor";

    private HandoffStores() {
    }
}
