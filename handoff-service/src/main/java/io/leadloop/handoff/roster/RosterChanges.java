package io.leadloop.handoff.roster;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.leadloop.events.RepRosterChanged;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.routing.Segment;

/** Turns roster events into the domain's reps, and the configured roster plus its changes into the roster. */
public final class RosterChanges {

    /** Name of the global store holding the latest {@code RepRosterChanged} per rep id. */
    public static final String ROSTER_STORE = "roster";

    private RosterChanges() {
    }

    /**
     * The configured reps in their order, each replaced by its latest change; reps added through the API follow in
     * the order the store gives them (by id); removed reps are gone.
     */
    public static RepRoster apply(List<Rep> configured, Iterable<RepRosterChanged> changes) {
        var reps = new LinkedHashMap<String, Rep>();
        configured.forEach(rep -> reps.put(rep.id(), rep));
        for (RepRosterChanged change : changes) {
            if (change.getRemoved()) {
                reps.remove(change.getRepId());
            } else {
                reps.put(change.getRepId(), toRep(change));
            }
        }
        return new RepRoster(List.copyOf(reps.values()));
    }

    public static Rep toRep(RepRosterChanged change) {
        var segments = EnumSet.noneOf(Segment.class);
        change.getSegments().forEach(segment -> segments.add(Segment.valueOf(segment.toUpperCase(Locale.ROOT))));
        return new Rep(change.getRepId(), change.getName(), change.getTeam(), change.getManagerId(),
                change.getWeight(), change.getMaxOpenLeads(), change.getDailyCap(), Set.copyOf(change.getTerritories()),
                segments, Set.copyOf(change.getSkills()), Set.copyOf(change.getAccountDomains()),
                change.getOutOfOfficeFrom(), change.getOutOfOfficeUntil());
    }

    public static RepRosterChanged changed(Rep rep, String eventId, Instant at, String changedBy) {
        return RepRosterChanged.newBuilder()
                .setEventId(eventId).setOccurredAt(at).setRepId(rep.id()).setChangedBy(changedBy).setRemoved(false)
                .setName(rep.name()).setTeam(rep.team()).setManagerId(rep.managerId()).setWeight(rep.weight())
                .setMaxOpenLeads(rep.maxOpenLeads()).setDailyCap(rep.dailyCap())
                .setTerritories(List.copyOf(rep.territories()))
                .setSegments(rep.segments().stream().map(Segment::name).toList())
                .setSkills(List.copyOf(rep.skills())).setAccountDomains(List.copyOf(rep.accountDomains()))
                .setOutOfOfficeFrom(rep.outOfOfficeFrom()).setOutOfOfficeUntil(rep.outOfOfficeUntil())
                .build();
    }

    public static RepRosterChanged removed(String repId, String eventId, Instant at, String changedBy) {
        return RepRosterChanged.newBuilder().setEventId(eventId).setOccurredAt(at).setRepId(repId)
                .setChangedBy(changedBy).setRemoved(true).build();
    }
}
