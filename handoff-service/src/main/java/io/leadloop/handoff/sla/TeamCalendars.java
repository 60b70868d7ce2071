package io.leadloop.handoff.sla;

import java.util.Map;
import java.util.Objects;

/**
 * Which calendar a team works on: its own, or the default one when it has none.
 *
 * @param byTeam calendars by team name ({@code inbound-emea})
 * @param defaultCalendar for teams without their own calendar (and reps without a team)
 */
public record TeamCalendars(Map<String, BusinessCalendar> byTeam, BusinessCalendar defaultCalendar) {

    public TeamCalendars {
        byTeam = byTeam == null ? Map.of() : Map.copyOf(byTeam);
        Objects.requireNonNull(defaultCalendar, "default calendar");
    }

    /** Every team on one calendar. */
    public static TeamCalendars only(BusinessCalendar calendar) {
        return new TeamCalendars(Map.of(), calendar);
    }

    public BusinessCalendar of(String team) {
        return team == null ? defaultCalendar : byTeam.getOrDefault(team, defaultCalendar);
    }
}
