package io.leadloop.handoff.assignment;

import java.util.Map;

/** The weighted round-robin credits of every rep, stored as one entry so a routing decision updates them at once. */
record RoutingCredits(Map<String, Long> byRep) {

    RoutingCredits {
        byRep = byRep == null ? Map.of() : Map.copyOf(byRep);
    }
}
