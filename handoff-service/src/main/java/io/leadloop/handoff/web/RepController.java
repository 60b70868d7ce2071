package io.leadloop.handoff.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The reps leads are routed to, in round-robin order (from configuration in the skeleton). */
@RestController
@RequestMapping(path = "/api/v1/reps", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reps")
class RepController {

    private final RepRoster roster;

    RepController(RepRoster roster) {
        this.roster = roster;
    }

    @GetMapping
    @Operation(summary = "The rep roster, in round-robin order")
    RosterView roster() {
        return new RosterView(roster.reps().stream().map(RepView::of).toList());
    }

    /** Wrapped in an object so fields about the roster as a whole (teams, capacity) can be added compatibly. */
    record RosterView(List<RepView> reps) {
    }

    record RepView(String id, String name, String team) {

        static RepView of(Rep rep) {
            return new RepView(rep.id(), rep.name(), rep.team());
        }
    }
}
