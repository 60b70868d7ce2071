package io.leadloop.handoff.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The reps leads can be routed to, in roster order (which breaks ties in round robin). Rejects duplicate ids,
 * because they would make routing and load counting silently wrong.
 */
public record RepRoster(List<Rep> reps) {

    public RepRoster {
        reps = List.copyOf(reps);
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

    public boolean isEmpty() {
        return reps.isEmpty();
    }

    public Optional<Rep> find(String repId) {
        return reps.stream().filter(rep -> rep.id().equals(repId)).findFirst();
    }
}
