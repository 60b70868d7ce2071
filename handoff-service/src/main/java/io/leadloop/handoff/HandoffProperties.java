package io.leadloop.handoff;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadloop.events.Priority;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.sla.BusinessCalendar;
import io.leadloop.handoff.sla.SlaPolicy;
import io.leadloop.handoff.sla.TeamCalendars;
import io.leadloop.handoff.sla.WorkingInterval;

/**
 * Our settings under {@code leadloop.handoff}. Converted into the domain's {@link RepRoster} and {@link SlaPolicy}
 * at startup, whose constructors reject an empty roster, duplicate rep ids or non-positive SLAs; calendars are
 * checked while binding (unknown zone, malformed or overlapping intervals, bad holiday dates) with the offending
 * key in the message. A bad configuration stops the service instead of misrouting leads.
 *
 * @param reps the roster round robin walks, in order
 * @param sla working time to first touch per priority tier
 * @param calendars business calendar per team name (the reps' {@code team})
 * @param defaultCalendar for teams without their own calendar: Monday-Friday 09:00-17:00 UTC unless configured
 */
@ConfigurationProperties("leadloop.handoff")
public record HandoffProperties(List<Rep> reps, @DefaultValue Sla sla, Map<String, Calendar> calendars,
        @DefaultValue Calendar defaultCalendar) {

    public HandoffProperties {
        reps = reps == null ? List.of() : List.copyOf(reps);
        calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
        teamCalendars(calendars, defaultCalendar); // fail at binding time, with the key that is wrong
    }

    public RepRoster roster() {
        return new RepRoster(reps);
    }

    public SlaPolicy slaPolicy() {
        return new SlaPolicy(sla.tiers(), sla.fallback(), teamCalendars(calendars, defaultCalendar));
    }

    private static TeamCalendars teamCalendars(Map<String, Calendar> calendars, Calendar defaultCalendar) {
        var byTeam = new LinkedHashMap<String, BusinessCalendar>();
        calendars.forEach((team, calendar) ->
                byTeam.put(team, calendar.toBusinessCalendar("leadloop.handoff.calendars." + team)));
        return new TeamCalendars(byTeam, defaultCalendar.toBusinessCalendar("leadloop.handoff.default-calendar"));
    }

    /**
     * @param tiers working time to first touch per tier ({@code HOT: PT15M}), counted on the owner's team calendar
     * @param fallback for tiers without an entry
     */
    public record Sla(Map<Priority, Duration> tiers, @DefaultValue("PT24H") Duration fallback) {

        public Sla {
            tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        }
    }

    /**
     * A team's working time as configured.
     *
     * @param zone IANA time zone id ({@code Europe/Berlin}); UTC when missing
     * @param hours working intervals per day of week ({@code MONDAY: ["09:00-12:30", "13:30-17:00"]}); days not
     *         listed are days off; Monday-Friday 09:00-17:00 when missing altogether
     * @param holidays ISO dates ({@code 2026-12-25}) with no working time, in the calendar's zone
     */
    public record Calendar(@DefaultValue("UTC") String zone, Map<DayOfWeek, List<String>> hours,
            List<String> holidays) {

        BusinessCalendar toBusinessCalendar(String key) {
            ZoneId zoneId;
            try {
                zoneId = ZoneId.of(zone.strip()).normalized(); // UTC → Z, so equal calendars are equal
            } catch (DateTimeException unknown) {
                throw new IllegalArgumentException(key + ".zone: '" + zone
                        + "' is not a time zone id (use an IANA id such as Europe/Berlin)", unknown);
            }
            var intervals = new EnumMap<DayOfWeek, List<WorkingInterval>>(DayOfWeek.class);
            if (hours == null) {
                intervals.putAll(BusinessCalendar.OFFICE_HOURS);
            } else {
                hours.forEach((day, texts) -> {
                    try {
                        intervals.put(day, texts == null ? List.of()
                                : texts.stream().map(WorkingInterval::parse).toList());
                    } catch (IllegalArgumentException bad) {
                        throw new IllegalArgumentException(key + ".hours." + day + ": " + bad.getMessage(), bad);
                    }
                });
            }
            Set<LocalDate> days = new HashSet<>();
            for (String holiday : holidays == null ? List.<String>of() : holidays) {
                try {
                    days.add(LocalDate.parse(holiday.strip()));
                } catch (DateTimeParseException bad) {
                    throw new IllegalArgumentException(key + ".holidays: '" + holiday
                            + "' is not an ISO date such as 2026-12-25", bad);
                }
            }
            try {
                return new BusinessCalendar(zoneId, intervals, days);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(key + ": " + bad.getMessage(), bad);
            }
        }
    }
}
