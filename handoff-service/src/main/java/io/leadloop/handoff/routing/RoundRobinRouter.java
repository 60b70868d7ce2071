package io.leadloop.handoff.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * Hands each lead to the rep after the one who got the previous lead, wrapping around the roster.
 *
 * <p>The router keeps no state itself: the caller passes the cursor (the id of the previous owner) and stores the
 * new one, so the cursor can live in a changelogged Kafka Streams store and survive restarts. A cursor that names
 * a rep no longer on the roster restarts at the first rep. The cursor is the previous rep's id rather than a
 * position so that adding a rep to the roster does not reshuffle who is next.
 */
public final class RoundRobinRouter {

    private final RepRoster roster;

    public RoundRobinRouter(RepRoster roster) {
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    /**
     * @param previousOwnerId the rep who got the previous lead on this cursor, empty before the first handoff
     */
    public RoutingDecision route(Optional<String> previousOwnerId) {
        Optional<Integer> previousPosition = previousOwnerId.flatMap(roster::positionOf);
        Rep next = previousPosition.map(position -> roster.at(position + 1)).orElseGet(() -> roster.at(0));
        String after = previousPosition.map(position -> "after " + roster.at(position).id())
                .orElse(previousOwnerId.isPresent() ? "previous rep " + previousOwnerId.get() + " left the roster"
                        : "first assignment");
        String reason = "round robin: %s was next of %d eligible reps (%s)".formatted(next.id(), roster.size(), after);
        return new RoutingDecision(next, reason);
    }

    public RepRoster roster() {
        return roster;
    }
}
