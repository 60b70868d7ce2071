package io.leadloop.handoff.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.leadloop.events.Priority;

/**
 * The service-level agreement between marketing and sales: how much <b>working time</b> a rep has for the first
 * touch of a lead of a given priority tier, counted on the calendar of the rep's team.
 *
 * @param timeToFirstTouch working time per priority tier, e.g. HOT 15 working minutes, WARM 4 working hours
 * @param fallback working time for tiers without an entry (UNKNOWN, tiers added later)
 * @param calendars the teams' calendars, and the default for teams without one
 */
public record SlaPolicy(Map<Priority, Duration> timeToFirstTouch, Duration fallback, TeamCalendars calendars) {

    public SlaPolicy {
        Objects.requireNonNull(fallback, "fallback SLA");
        Objects.requireNonNull(calendars, "calendars");
        requirePositive(fallback, "fallback");
        var copy = new EnumMap<Priority, Duration>(Priority.class);
        if (timeToFirstTouch != null) {
            timeToFirstTouch.forEach((priority, duration) -> {
                requirePositive(duration, priority.name());
                copy.put(priority, duration);
            });
        }
        timeToFirstTouch = Map.copyOf(copy);
    }

    /** HOT 15 working minutes, WARM 4 working hours, everything else 24 working hours, on {@code calendars}. */
    public static SlaPolicy defaults(TeamCalendars calendars) {
        return new SlaPolicy(Map.of(Priority.HOT, Duration.ofMinutes(15), Priority.WARM, Duration.ofHours(4),
                Priority.COLD, Duration.ofHours(24)), Duration.ofHours(24), calendars);
    }

    /** The default tiers on Monday-Friday 09:00-17:00 UTC for every team. */
    public static SlaPolicy defaults() {
        return defaults(TeamCalendars.only(BusinessCalendar.officeHours(ZoneOffset.UTC)));
    }

    public Duration timeToFirstTouch(Priority priority) {
        return priority == null ? fallback : timeToFirstTouch.getOrDefault(priority, fallback);
    }

    /**
     * When the first touch of a lead handed off at {@code handedOffAt} to a rep of {@code team} is due: the time to
     * first touch of its tier, in working time on the team's calendar (a lead handed off out of hours starts its
     * clock at the team's next opening).
     */
    public Instant dueAt(Priority priority, String team, Instant handedOffAt) {
        return calendars.of(team).addWorkingTime(handedOffAt, timeToFirstTouch(priority));
    }

    /**
     * When the owner is reminded: after {@code share} (0 &lt; share &lt; 1) of the tier's time to first touch, in
     * working time on the same calendar as the due time.
     */
    public Instant reminderAt(Priority priority, String team, Instant handedOffAt, double share) {
        Duration part = Duration.ofMillis((long) (timeToFirstTouch(priority).toMillis() * share));
        return calendars.of(team).addWorkingTime(handedOffAt, part);
    }

    /** {@code workingTime} after {@code from} on the team's calendar (escalation steps after a breach). */
    public Instant afterWorkingTime(String team, Instant from, Duration workingTime) {
        return workingTime.isZero() ? from : calendars.of(team).addWorkingTime(from, workingTime);
    }

    /** Whether a member of {@code team} is within working hours at {@code instant}. */
    public boolean isWorking(String team, Instant instant) {
        return calendars.of(team).isWorking(instant);
    }

    /** The local day of the team's calendar at {@code instant}, for daily caps. */
    public java.time.LocalDate localDay(String team, Instant instant) {
        return instant.atZone(calendars.of(team).zone()).toLocalDate();
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The SLA for " + what + " must be a positive duration, was " + duration);
        }
    }
}
