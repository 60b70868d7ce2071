package io.leadloop.handoff.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The reps leads can be routed to, in the order round robin walks them. Rejects an empty roster and duplicate ids
 * at startup, because either would make routing silently wrong later.
 */
public record RepRoster(List<Rep> reps) {

    public RepRoster {
        reps = List.copyOf(reps);
        if (reps.isEmpty()) {
            throw new IllegalArgumentException("The rep roster is empty: configure leadloop.handoff.reps");
        }
        var ids = new HashSet<String>();
        for (Rep rep : reps) {
            if (!ids.add(rep.id())) {
                throw new IllegalArgumentException("Rep id " + rep.id() + " appears twice in the roster");
            }
        }
    }

    public int size() {
        return reps.size();
    }

    /** The position of a rep in the roster, if the rep is (still) on it. */
    Optional<Integer> positionOf(String repId) {
        for (int i = 0; i < reps.size(); i++) {
            if (reps.get(i).id().equals(repId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    Rep at(int position) {
        return reps.get(Math.floorMod(position, reps.size()));
    }
}
