package io.leadloop.handoff;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
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
import io.leadloop.handoff.routing.Segment;
import io.leadloop.handoff.sla.BusinessCalendar;
import io.leadloop.handoff.sla.EscalationLadder;
import io.leadloop.handoff.sla.SlaPolicy;
import io.leadloop.handoff.sla.TeamCalendars;
import io.leadloop.handoff.sla.WorkingInterval;

/**
 * Our settings under {@code leadloop.handoff}. Converted into the domain's {@link RepRoster} and {@link SlaPolicy}
 * at startup, whose constructors reject an empty roster, duplicate rep ids or non-positive SLAs; calendars are
 * checked while binding (unknown zone, malformed or overlapping intervals, bad holiday dates) with the offending
 * key in the message. A bad configuration stops the service instead of misrouting leads.
 *
 * @param reps the configured roster, in order (the API's changes overlay it)
 * @param sla working time to first touch per priority tier
 * @param calendars business calendar per team name (the reps' {@code team})
 * @param defaultCalendar for teams without their own calendar: Monday-Friday 09:00-17:00 UTC unless configured
 * @param escalation reminder share, escalation ladder, timer interval
 */
@ConfigurationProperties("leadloop.handoff")
public record HandoffProperties(List<RepSettings> reps, @DefaultValue Sla sla, Map<String, Calendar> calendars,
        @DefaultValue Calendar defaultCalendar, @DefaultValue Escalation escalation) {

    public HandoffProperties {
        reps = reps == null ? List.of() : List.copyOf(reps);
        calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
        teamCalendars(calendars, defaultCalendar); // fail at binding time, with the key that is wrong
        for (int i = 0; i < reps.size(); i++) {
            try {
                reps.get(i).toRep();
            } catch (RuntimeException bad) {
                throw new IllegalArgumentException("leadloop.handoff.reps[" + i + "]: " + bad.getMessage(), bad);
            }
        }
        escalation.ladder(); // the same for the ladder
    }

    /** The configured roster; the API's changes (handoff.roster.v1) overlay it. Empty or duplicate ids fail. */
    public RepRoster roster() {
        var roster = new RepRoster(reps.stream().map(RepSettings::toRep).toList());
        if (roster.isEmpty()) {
            throw new IllegalArgumentException("The rep roster is empty: configure leadloop.handoff.reps");
        }
        return roster;
    }

    /**
     * A rep as configured ({@code leadloop.handoff.reps[i]}); see {@link Rep} for the meaning of each field.
     * {@code segments}: SMB, MID, ENTERPRISE.
     */
    public record RepSettings(String id, String name, String team, String managerId, @DefaultValue("1") int weight,
            Integer maxOpenLeads, Integer dailyCap, Set<String> territories, Set<Segment> segments,
            Set<String> skills, Set<String> accountDomains, Instant outOfOfficeFrom, Instant outOfOfficeUntil) {

        Rep toRep() {
            return new Rep(id, name, team, managerId, weight, maxOpenLeads, dailyCap, territories, segments, skills,
                    accountDomains, outOfOfficeFrom, outOfOfficeUntil);
        }
    }

    /**
     * The reminder and the ladder after a breach ({@code leadloop.handoff.escalation}).
     *
     * @param reminderShare remind the owner after this share of the time to first touch (0 &lt; share &lt; 1)
     * @param steps the ladder; each step's {@code after} is working time after the breach or the previous step
     * @param timerInterval how often due timers are looked for (wall-clock); timers fire within this of their time
     */
    public record Escalation(@DefaultValue("0.75") double reminderShare, List<Step> steps,
            @DefaultValue("PT1S") Duration timerInterval) {

        public Escalation {
            steps = steps == null ? List.of(new Step(Duration.ZERO, Set.of(EscalationLadder.Action.NOTIFY_MANAGER)),
                    new Step(Duration.ofMinutes(30), Set.of(EscalationLadder.Action.REASSIGN))) : List.copyOf(steps);
            if (timerInterval.isNegative() || timerInterval.isZero()) {
                throw new IllegalArgumentException("leadloop.handoff.escalation.timer-interval must be positive");
            }
        }

        public EscalationLadder ladder() {
            try {
                return new EscalationLadder(reminderShare,
                        steps.stream().map(step -> new EscalationLadder.Step(step.after(), step.actions())).toList());
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("leadloop.handoff.escalation: " + bad.getMessage(), bad);
            }
        }

        /** @param actions NOTIFY_MANAGER and/or REASSIGN */
        public record Step(@DefaultValue("PT0S") Duration after, Set<EscalationLadder.Action> actions) {
        }
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
