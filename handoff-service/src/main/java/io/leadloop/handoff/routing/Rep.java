package io.leadloop.handoff.routing;

import java.util.Objects;

/**
 * A sales rep who can own handed-off leads. Bound straight from configuration ({@code leadloop.handoff.reps}) in
 * the skeleton; issue 5 manages the roster through an API with capacity, working hours and out-of-office.
 *
 * @param id stable id that travels in events as {@code ownerRepId}, e.g. {@code rep-ana}
 * @param name display name
 * @param team the team the rep sells in, e.g. {@code inbound-emea}
 */
public record Rep(String id, String name, String team) {

    public Rep {
        Objects.requireNonNull(id, "rep id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A rep needs a non-blank id");
        }
        name = name == null || name.isBlank() ? id : name;
        team = team == null ? "" : team;
    }
}
