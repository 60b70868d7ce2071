package io.leadloop.handoff.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.handoff.access.HandoffAccess;
import io.leadloop.handoff.assignment.HandoffLookup;
import io.leadloop.handoff.assignment.LeadState;
import io.leadloop.handoff.roster.RosterService;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.Segment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The roster (configuration + changes made here, audited on handoff.roster.v1) and each rep's open queue. */
@RestController
@RequestMapping(path = "/api/v1/reps", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reps")
class RepController {

    private static final Pattern REP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final RosterService roster;
    private final HandoffLookup handoffs;
    private final HandoffAccess access;

    RepController(RosterService roster, HandoffLookup handoffs, HandoffAccess access) {
        this.roster = roster;
        this.handoffs = handoffs;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The rep roster, in roster order")
    RosterView roster() {
        return new RosterView(roster.current().reps().stream().map(RepView::of).toList());
    }

    @PutMapping(path = "/{repId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add or replace a rep (published as RepRosterChanged on handoff.roster.v1)")
    ResponseEntity<RepView> put(@PathVariable String repId, @RequestBody RepRequest request,
            @RequestHeader(name = "X-Actor", required = false) String actor) {
        Rep rep = request.toRep(repId);
        access.checkMayChange(roster.current().find(repId), rep);
        roster.put(rep, access.actor(actor));
        return ResponseEntity.accepted().body(RepView.of(rep));
    }

    @DeleteMapping("/{repId}")
    @Operation(summary = "Take a rep off the roster (published as RepRosterChanged with removed=true)")
    ResponseEntity<Void> remove(@PathVariable String repId,
            @RequestHeader(name = "X-Actor", required = false) String actor) {
        var existing = roster.current().find(repId);
        if (existing.isEmpty()) {
            throw new RepNotFoundException(repId);
        }
        access.checkMayChange(existing, null);
        roster.remove(repId, access.actor(actor));
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/{repId}/queue")
    @Operation(summary = "The rep's open leads with their SLA status, oldest first")
    QueueView queue(@PathVariable String repId) {
        Rep rep = roster.current().find(repId).orElseThrow(() -> new RepNotFoundException(repId));
        access.checkMaySeeQueueOf(rep);
        return new QueueView(repId, handoffs.openQueue(repId).stream().map(QueuedLead::of).toList());
    }

    /** Wrapped in an object so fields about the roster as a whole can be added compatibly. */
    record RosterView(List<RepView> reps) {
    }

    record RepView(String id, String name, String team, String managerId, int weight, Integer maxOpenLeads,
            Integer dailyCap, Set<String> territories, Set<Segment> segments, Set<String> skills,
            Set<String> accountDomains, Instant outOfOfficeFrom, Instant outOfOfficeUntil) {

        static RepView of(Rep rep) {
            return new RepView(rep.id(), rep.name(), rep.team(), rep.managerId(), rep.weight(), rep.maxOpenLeads(),
                    rep.dailyCap(), rep.territories(), rep.segments(), rep.skills(), rep.accountDomains(),
                    rep.outOfOfficeFrom(), rep.outOfOfficeUntil());
        }
    }

    record QueueView(String repId, List<QueuedLead> leads) {
    }

    record QueuedLead(String leadId, String priority, Instant handedOffAt, Instant slaDueAt, String slaStatus) {

        static QueuedLead of(LeadState state) {
            return new QueuedLead(state.leadId(), state.priority(), state.ownerHandedOffAt(), state.slaDueAt(),
                    state.sla().name());
        }
    }

    /** The body of {@code PUT /api/v1/reps/{repId}}; every field but {@code name} optional. */
    record RepRequest(String name, String team, String managerId, Integer weight, Integer maxOpenLeads,
            Integer dailyCap, List<String> territories, List<String> segments, List<String> skills,
            List<String> accountDomains, Instant outOfOfficeFrom, Instant outOfOfficeUntil) {

        Rep toRep(String repId) {
            var errors = new ArrayList<Map<String, String>>();
            if (!REP_ID.matcher(repId).matches()) {
                errors.add(error("/repId", "must be 1-64 letters, digits, '.', '_' or '-'"));
            }
            if (name == null || name.isBlank()) {
                errors.add(error("/name", "is required"));
            }
            if (weight != null && (weight < 1 || weight > 1000)) {
                errors.add(error("/weight", "must be between 1 and 1000"));
            }
            if (maxOpenLeads != null && maxOpenLeads < 0) {
                errors.add(error("/maxOpenLeads", "must not be negative"));
            }
            if (dailyCap != null && dailyCap < 0) {
                errors.add(error("/dailyCap", "must not be negative"));
            }
            var segmentSet = new java.util.HashSet<Segment>();
            List<String> segmentNames = segments == null ? List.of() : segments;
            for (int i = 0; i < segmentNames.size(); i++) {
                try {
                    segmentSet.add(Segment.valueOf(String.valueOf(segmentNames.get(i)).strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    errors.add(error("/segments/" + i, "must be one of SMB, MID, ENTERPRISE"));
                }
            }
            if (outOfOfficeFrom != null && outOfOfficeUntil != null && !outOfOfficeUntil.isAfter(outOfOfficeFrom)) {
                errors.add(error("/outOfOfficeUntil", "must be after outOfOfficeFrom"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidRepException(errors);
            }
            return new Rep(repId, name.strip(), team, managerId, weight == null ? 1 : weight, maxOpenLeads, dailyCap,
                    set(territories), segmentSet, set(skills), set(accountDomains), outOfOfficeFrom, outOfOfficeUntil);
        }

        private static Set<String> set(List<String> values) {
            return values == null ? Set.of()
                    : Set.copyOf(values.stream().filter(value -> value != null && !value.isBlank()).toList());
        }

        private static Map<String, String> error(String pointer, String detail) {
            return Map.of("pointer", pointer, "detail", detail);
        }
    }
}
