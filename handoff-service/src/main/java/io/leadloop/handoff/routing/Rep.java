package io.leadloop.handoff.routing;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sales rep who can own handed-off leads, with what routing needs to know about them.
 *
 * @param id stable id that travels in events as {@code ownerRepId}, e.g. {@code rep-ana}
 * @param name display name
 * @param team the team the rep sells in, e.g. {@code inbound-emea}; sets the calendar (hours, zone, holidays)
 * @param managerId who escalations notify; may be null
 * @param weight share in weighted round robin (2 = twice the leads of a rep of weight 1); at least 1
 * @param maxOpenLeads capacity: no new lead while this many are open; null = unlimited
 * @param dailyCap at most this many new leads per local day; null = unlimited
 * @param territories countries ({@code US}) or country-regions ({@code US-CA}); empty = anywhere
 * @param segments company sizes the rep sells to ({@link Segment}); empty = any
 * @param skills {@code language:de}, {@code product:analytics}, ...
 * @param accountDomains company domains the rep owns
 * @param outOfOfficeFrom start of an absence, inclusive; null = none
 * @param outOfOfficeUntil end of an absence, exclusive; null = open-ended when {@code outOfOfficeFrom} is set
 */
public record Rep(String id, String name, String team, String managerId, int weight, Integer maxOpenLeads,
        Integer dailyCap, Set<String> territories, Set<Segment> segments, Set<String> skills,
        Set<String> accountDomains, Instant outOfOfficeFrom, Instant outOfOfficeUntil) {

    public Rep {
        Objects.requireNonNull(id, "rep id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A rep needs a non-blank id");
        }
        name = name == null || name.isBlank() ? id : name;
        team = team == null ? "" : team;
        if (weight < 1) {
            throw new IllegalArgumentException("Rep " + id + ": weight must be at least 1, was " + weight);
        }
        requireNonNegative(id, "maxOpenLeads", maxOpenLeads);
        requireNonNegative(id, "dailyCap", dailyCap);
        territories = upper(territories);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        skills = lower(skills);
        accountDomains = lower(accountDomains);
        if (outOfOfficeFrom != null && outOfOfficeUntil != null && !outOfOfficeUntil.isAfter(outOfOfficeFrom)) {
            throw new IllegalArgumentException("Rep " + id + ": out of office ends before it starts");
        }
    }

    /** A rep of weight 1 without limits, rules or absences. */
    public Rep(String id, String name, String team) {
        this(id, name, team, null, 1, null, null, Set.of(), Set.of(), Set.of(), Set.of(), null, null);
    }

    public boolean outOfOfficeAt(Instant now) {
        return outOfOfficeFrom != null && !now.isBefore(outOfOfficeFrom)
                && (outOfOfficeUntil == null || now.isBefore(outOfOfficeUntil));
    }

    private static void requireNonNegative(String id, String what, Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException("Rep " + id + ": " + what + " must not be negative, was " + value);
        }
    }

    private static Set<String> upper(Set<String> values) {
        return values == null ? Set.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .map(value -> value.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> lower(Set<String> values) {
        return values == null ? Set.of() : values.stream().filter(Objects::nonNull).map(String::strip)
                .map(value -> value.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
