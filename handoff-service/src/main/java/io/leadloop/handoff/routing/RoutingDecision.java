package io.leadloop.handoff.routing;

import java.util.Objects;

/**
 * Who gets a lead and why, in words a sales manager understands (it travels in {@code LeadHandedOff} as
 * {@code routingReason}).
 */
public record RoutingDecision(Rep owner, String reason) {

    public RoutingDecision {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
    }
}
