package io.leadloop.handoff.assignment;

import java.time.Clock;
import java.util.Objects;

import io.leadloop.handoff.routing.RoundRobinRouter;
import io.leadloop.handoff.sla.SlaPolicy;

/**
 * What the topology needs to decide a handoff: who gets the lead, how long they have, and what "now" is (a
 * {@link Clock} so tests pin it).
 */
public record HandoffRules(RoundRobinRouter router, SlaPolicy sla, Clock clock) {

    public HandoffRules {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(clock, "clock");
    }
}
