package io.leadloop.handoff.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A team's working time: a time zone, working intervals per day of week (none on a day off, several with a lunch
 * break) and holidays (whole local days off). SLA clocks run only while the team is at work.
 *
 * <p><b>Daylight saving.</b> Opening and closing times are local wall-clock times in {@link #zone()}; the working
 * time of an interval is the real time that elapses between them. A 09:00-17:00 day is 8 working hours on the day
 * the clocks change at 02:00 or 03:00; an interval that contains the change is an hour shorter (spring forward) or
 * longer (fall back), because that is how long people are actually at work. A boundary that falls into the skipped
 * hour moves forward by the length of the gap (java.time's rule); a boundary in the repeated hour opens at the
 * earlier and closes at the later of its two instants, so the interval keeps the whole repeated hour.
 *
 * @param zone where the team works
 * @param hours working intervals per day of week, sorted and non-overlapping; days missing are days off
 * @param holidays local dates with no working time at all
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingInterval>> hours, Set<LocalDate> holidays) {

    /** Monday to Friday, 09:00-17:00. */
    public static final Map<DayOfWeek, List<WorkingInterval>> OFFICE_HOURS = officeHours();

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        var sorted = new EnumMap<DayOfWeek, List<WorkingInterval>>(DayOfWeek.class);
        if (hours != null) {
            hours.forEach((day, intervals) -> {
                Objects.requireNonNull(day, "day of week");
                List<WorkingInterval> ordered = intervals == null ? List.of() : intervals.stream()
                        .map(interval -> Objects.requireNonNull(interval, "working interval on " + day))
                        .sorted(Comparator.comparing(WorkingInterval::start)).toList();
                for (int i = 1; i < ordered.size(); i++) {
                    if (ordered.get(i - 1).overlaps(ordered.get(i))) {
                        throw new IllegalArgumentException("The working intervals " + ordered.get(i - 1) + " and "
                                + ordered.get(i) + " on " + day + " overlap");
                    }
                }
                if (!ordered.isEmpty()) {
                    sorted.put(day, ordered);
                }
            });
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("A business calendar needs working hours on at least one day of the "
                    + "week, or no SLA could ever be due");
        }
        hours = Map.copyOf(sorted);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Monday to Friday, 09:00-17:00 in {@code zone}, no holidays. */
    public static BusinessCalendar officeHours(ZoneId zone) {
        return new BusinessCalendar(zone, OFFICE_HOURS, Set.of());
    }

    /** The same working hours with these holidays. */
    public BusinessCalendar withHolidays(LocalDate... dates) {
        return new BusinessCalendar(zone, hours, Set.of(dates));
    }

    /**
     * The instant at which {@code workingTime} of working time has elapsed since {@code start}. A clock started
     * outside working hours starts at the next opening; one that runs out exactly at closing time is due at closing
     * time, not at the next opening. Zero working time is due at {@code start}.
     */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time must not be negative, was " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        Duration remaining = workingTime;
        // Terminates: at least one working day a week, and finitely many holidays.
        for (LocalDate date = LocalDate.ofInstant(start, zone); ; date = date.plusDays(1)) {
            for (Span span : spansOn(date)) {
                if (!span.end().isAfter(start)) {
                    continue;
                }
                Instant from = span.start().isAfter(start) ? span.start() : start;
                Duration available = Duration.between(from, span.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
    }

    /** Working time between two instants (zero when {@code to} is not after {@code from}), for SLA reporting. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            for (Span span : spansOn(date)) {
                Instant start = span.start().isAfter(from) ? span.start() : from;
                Instant end = span.end().isBefore(to) ? span.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether the team is at work at {@code instant}. */
    public boolean isWorking(Instant instant) {
        return spansOn(LocalDate.ofInstant(instant, zone)).stream()
                .anyMatch(span -> !instant.isBefore(span.start()) && instant.isBefore(span.end()));
    }

    private List<Span> spansOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (WorkingInterval interval : hours.getOrDefault(date.getDayOfWeek(), List.of())) {
            Instant opens = at(date, interval.start()).withEarlierOffsetAtOverlap().toInstant();
            Instant closes = at(date, interval.end()).withLaterOffsetAtOverlap().toInstant();
            if (closes.isAfter(opens)) {
                spans.add(new Span(opens, closes));
            }
        }
        return spans;
    }

    private ZonedDateTime at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone);
    }

    private record Span(Instant start, Instant end) {
    }

    private static Map<DayOfWeek, List<WorkingInterval>> officeHours() {
        var nineToFive = List.of(new WorkingInterval(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        var week = new EnumMap<DayOfWeek, List<WorkingInterval>>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, nineToFive);
        }
        return Map.copyOf(week);
    }
}
