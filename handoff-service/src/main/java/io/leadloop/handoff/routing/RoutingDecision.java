package io.leadloop.handoff.routing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who gets a lead and why.
 *
 * @param owner the rep
 * @param rule {@code ACCOUNT_OWNER}, {@code ROUND_ROBIN} or {@code OVERFLOW}
 * @param reason one sentence a sales manager understands ({@code routingReason} in the event)
 * @param trace one line per rule in evaluation order: matched or not, and why
 * @param credits the weighted round-robin credits after this decision, for the caller to store
 */
public record RoutingDecision(Rep owner, String rule, String reason, List<String> trace, Map<String, Long> credits) {

    public static final String ACCOUNT_OWNER = "ACCOUNT_OWNER";
    public static final String ROUND_ROBIN = "ROUND_ROBIN";
    public static final String OVERFLOW = "OVERFLOW";

    public RoutingDecision {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        trace = List.copyOf(trace);
        credits = Map.copyOf(credits);
    }
}
