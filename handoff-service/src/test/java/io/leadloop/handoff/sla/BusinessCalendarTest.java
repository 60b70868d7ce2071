package io.leadloop.handoff.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private static final Duration HOT = Duration.ofMinutes(15);
    private static final Duration WARM = Duration.ofHours(4);
    private static final Duration COLD = Duration.ofHours(24);

    /** Monday to Friday 09:00-17:00 UTC; 2026-03-02 is a Monday. */
    private final BusinessCalendar utcOffice = BusinessCalendar.officeHours(ZoneOffset.UTC);

    @Nested
    class WorkingHoursWeekendsAndHolidays {

        @Test
        void hotLeadWithinHoursIsDueFifteenMinutesLater() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-02T10:00:00Z"), HOT)).isEqualTo(at("2026-03-02T10:15:00Z"));
        }

        @Test
        void clockStartedBeforeOpeningStartsAtOpening() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-02T07:30:00Z"), HOT)).isEqualTo(at("2026-03-02T09:15:00Z"));
        }

        @Test
        void clockStartedAfterClosingStartsNextMorning() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-02T18:00:00Z"), HOT)).isEqualTo(at("2026-03-03T09:15:00Z"));
        }

        @Test
        void hotLeadAtFridayEveningIsDueMondayMorning() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-06T17:30:00Z"), HOT)).isEqualTo(at("2026-03-09T09:15:00Z"));
        }

        @Test
        void hotLeadOnSaturdayIsDueMondayMorning() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-07T11:00:00Z"), HOT)).isEqualTo(at("2026-03-09T09:15:00Z"));
        }

        @Test
        void hotLeadTenMinutesBeforeClosingIsDueFiveMinutesAfterNextOpening() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-02T16:50:00Z"), HOT)).isEqualTo(at("2026-03-03T09:05:00Z"));
        }

        @Test
        void warmLeadHandedOffAtThreeIsDueNextDayAtEleven() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-02T15:00:00Z"), WARM)).isEqualTo(at("2026-03-03T11:00:00Z"));
        }

        @Test
        void slaRunningOutExactlyAtClosingIsDueAtClosingNotNextMorning() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-02T13:00:00Z"), WARM)).isEqualTo(at("2026-03-02T17:00:00Z"));
        }

        @Test
        void coldLeadSpansThreeWorkingDaysAndTheWeekend() {
            // Wednesday 5h + Thursday 8h + Friday 8h + Monday 3h.
            assertThat(utcOffice.addWorkingTime(at("2026-03-04T12:00:00Z"), COLD)).isEqualTo(at("2026-03-09T12:00:00Z"));
        }

        @Test
        void holidayIsSkipped() {
            BusinessCalendar tuesdayOff = utcOffice.withHolidays(LocalDate.parse("2026-03-03"));

            assertThat(tuesdayOff.addWorkingTime(at("2026-03-02T16:50:00Z"), HOT)).isEqualTo(at("2026-03-04T09:05:00Z"));
        }

        @Test
        void warmLeadOnChristmasEveWaitsOutChristmasFridayAndTheWeekend() {
            BusinessCalendar christmas = utcOffice.withHolidays(LocalDate.parse("2026-12-25"));

            // Thursday 16:00-17:00, Friday 25th off, weekend, Monday 09:00-12:00.
            assertThat(christmas.addWorkingTime(at("2026-12-24T16:00:00Z"), WARM)).isEqualTo(at("2026-12-28T12:00:00Z"));
        }

        @Test
        void lunchBreakStopsTheClock() {
            BusinessCalendar withLunch = calendar(BERLIN, weekdays("09:00-12:30", "13:30-17:30"));

            // 12:20 CET: 10 minutes before lunch, 5 after it.
            assertThat(withLunch.addWorkingTime(berlin("2026-03-02T12:20"), HOT)).isEqualTo(berlin("2026-03-02T13:35"));
            // Handed off during lunch: the clock starts when lunch is over.
            assertThat(withLunch.addWorkingTime(berlin("2026-03-02T12:45"), HOT)).isEqualTo(berlin("2026-03-02T13:45"));
            assertThat(withLunch.workingTimeBetween(berlin("2026-03-02T00:00"), berlin("2026-03-03T00:00")))
                    .isEqualTo(Duration.ofHours(7).plusMinutes(30));
        }

        @Test
        void zeroWorkingTimeIsDueAtTheStart() {
            assertThat(utcOffice.addWorkingTime(at("2026-03-07T11:00:00Z"), Duration.ZERO)).isEqualTo(at("2026-03-07T11:00:00Z"));
        }
    }

    @Nested
    class TimeZones {

        private static final Instant MONDAY_1630_UTC = at("2026-03-02T16:30:00Z");

        @Test
        void berlinTeamHasClosedAtHalfPastFourUtcAndStartsNextMorningAtNineBerlinTime() {
            BusinessCalendar berlin = BusinessCalendar.officeHours(BERLIN);

            // 17:30 CET Monday → Tuesday 09:00 CET (08:00Z) + 15 minutes.
            assertThat(berlin.addWorkingTime(MONDAY_1630_UTC, HOT)).isEqualTo(at("2026-03-03T08:15:00Z"));
        }

        @Test
        void losAngelesTeamStartsAtNineLocalTheSameMorning() {
            BusinessCalendar losAngeles = BusinessCalendar.officeHours(LOS_ANGELES);

            // 08:30 PST Monday → opens 09:00 PST (17:00Z) + 15 minutes.
            assertThat(losAngeles.addWorkingTime(MONDAY_1630_UTC, HOT)).isEqualTo(at("2026-03-02T17:15:00Z"));
        }

        @Test
        void holidaysAreLocalDaysOfTheCalendarsZone() {
            BusinessCalendar losAngeles = BusinessCalendar.officeHours(LOS_ANGELES)
                    .withHolidays(LocalDate.parse("2026-03-03"));

            // Monday 23:00 PST is already Tuesday in UTC; Tuesday in Los Angeles is the holiday.
            assertThat(losAngeles.addWorkingTime(at("2026-03-03T07:00:00Z"), HOT))
                    .isEqualTo(ZonedAt.of("2026-03-04T09:15", LOS_ANGELES));
        }
    }

    @Nested
    class DaylightSavingChanges {

        @Test
        void warmLeadOverBerlinSpringForwardWeekendRestartsAtNineSummerTime() {
            BusinessCalendar berlin = BusinessCalendar.officeHours(BERLIN);

            // Fri 27 Mar 16:00 CET: 1h left that day; clocks go forward Sunday 29th; Mon 09:00 CEST + 3h.
            assertThat(berlin.addWorkingTime(berlin("2026-03-27T16:00"), WARM)).isEqualTo(at("2026-03-30T10:00:00Z"));
        }

        @Test
        void warmLeadOverBerlinFallBackWeekendRestartsAtNineWinterTime() {
            BusinessCalendar berlin = BusinessCalendar.officeHours(BERLIN);

            // Fri 23 Oct 16:00 CEST: 1h; clocks go back Sunday 25th; Mon 26th 09:00 CET (08:00Z) + 3h.
            assertThat(berlin.addWorkingTime(berlin("2026-10-23T16:00"), WARM)).isEqualTo(at("2026-10-26T11:00:00Z"));
        }

        @Test
        void officeDayOnWhichClocksChangeOutsideHoursStillHasEightWorkingHours() {
            BusinessCalendar sevenDays = calendar(BERLIN, everyDay("09:00-17:00"));

            assertThat(sevenDays.workingTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(8));
            assertThat(sevenDays.workingTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(8));
            assertThat(sevenDays.addWorkingTime(berlin("2026-03-29T09:00"), Duration.ofHours(8)))
                    .isEqualTo(berlin("2026-03-29T17:00"));
        }

        @Test
        void berlinNightShiftIsAnHourShorterWhenClocksSpringForwardDuringIt() {
            BusinessCalendar nightShift = calendar(BERLIN, Map.of(DayOfWeek.SUNDAY, List.of("00:00-06:00")));

            // 00:00 CET (23:00Z) to 06:00 CEST (04:00Z): 02:00-03:00 never happens.
            assertThat(nightShift.workingTimeBetween(at("2026-03-28T23:00:00Z"), at("2026-03-29T05:00:00Z")))
                    .isEqualTo(Duration.ofHours(5));
            assertThat(nightShift.addWorkingTime(at("2026-03-28T23:00:00Z"), Duration.ofHours(5)))
                    .isEqualTo(at("2026-03-29T04:00:00Z"));
        }

        @Test
        void berlinNightShiftIsAnHourLongerWhenClocksFallBackDuringIt() {
            BusinessCalendar nightShift = calendar(BERLIN, Map.of(DayOfWeek.SUNDAY, List.of("00:00-06:00")));

            // 00:00 CEST (22:00Z) to 06:00 CET (05:00Z): 02:00-03:00 happens twice.
            assertThat(nightShift.workingTimeBetween(at("2026-10-24T22:00:00Z"), at("2026-10-25T06:00:00Z")))
                    .isEqualTo(Duration.ofHours(7));
            assertThat(nightShift.addWorkingTime(at("2026-10-24T22:00:00Z"), Duration.ofHours(7)))
                    .isEqualTo(at("2026-10-25T05:00:00Z"));
        }

        @Test
        void warmLeadOverNewYorkSpringForwardWeekendRestartsAtNineDaylightTime() {
            BusinessCalendar newYork = BusinessCalendar.officeHours(NEW_YORK);

            // Fri 6 Mar 16:00 EST (21:00Z): 1h; clocks go forward Sunday 8th; Mon 09:00 EDT (13:00Z) + 3h.
            assertThat(newYork.addWorkingTime(at("2026-03-06T21:00:00Z"), WARM)).isEqualTo(at("2026-03-09T16:00:00Z"));
        }

        @Test
        void warmLeadOverNewYorkFallBackWeekendRestartsAtNineStandardTime() {
            BusinessCalendar newYork = BusinessCalendar.officeHours(NEW_YORK);

            // Fri 30 Oct 16:00 EDT (20:00Z): 1h; clocks go back Sunday 1 Nov; Mon 09:00 EST (14:00Z) + 3h.
            assertThat(newYork.addWorkingTime(at("2026-10-30T20:00:00Z"), WARM)).isEqualTo(at("2026-11-02T17:00:00Z"));
        }

        @Test
        void newYorkIntervalContainingSpringForwardIsOneRealHourLong() {
            BusinessCalendar sundays = calendar(NEW_YORK, Map.of(DayOfWeek.SUNDAY, List.of("01:00-03:00")));

            // 01:00 EST (06:00Z) to 03:00 EDT (07:00Z) on 8 Mar: 1h, so 90 minutes run on into the next Sunday,
            // 15 Mar 01:00 EDT (05:00Z) + 30 minutes.
            assertThat(sundays.addWorkingTime(at("2026-03-08T06:00:00Z"), Duration.ofMinutes(90)))
                    .isEqualTo(at("2026-03-15T05:30:00Z"));
        }

        @Test
        void newYorkIntervalContainingFallBackKeepsTheRepeatedHour() {
            BusinessCalendar sundays = calendar(NEW_YORK, Map.of(DayOfWeek.SUNDAY, List.of("01:00-03:00")));

            // Opens at the first 01:00 (EDT, 05:00Z), closes at 03:00 EST (08:00Z): 3h.
            assertThat(sundays.workingTimeBetween(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(3));
            assertThat(sundays.addWorkingTime(at("2026-11-01T05:00:00Z"), Duration.ofHours(3)))
                    .isEqualTo(at("2026-11-01T08:00:00Z"));
        }
    }

    @Nested
    class WorkingTimeBetween {

        @Test
        void countsOnlyWorkingHoursOverAWeekend() {
            assertThat(utcOffice.workingTimeBetween(at("2026-03-06T16:00:00Z"), at("2026-03-09T10:00:00Z")))
                    .isEqualTo(Duration.ofHours(2));
        }

        @Test
        void isZeroWhenTheEndIsNotAfterTheStart() {
            assertThat(utcOffice.workingTimeBetween(at("2026-03-02T12:00:00Z"), at("2026-03-02T10:00:00Z")))
                    .isZero();
        }

        @Test
        void undoesAddWorkingTime() {
            Instant start = at("2026-03-04T12:00:00Z");

            assertThat(utcOffice.workingTimeBetween(start, utcOffice.addWorkingTime(start, COLD))).isEqualTo(COLD);
        }
    }

    @Nested
    class Validation {

        @Test
        void rejectsAnIntervalThatEndsBeforeItStarts() {
            assertThatThrownBy(() -> WorkingInterval.parse("17:00-09:00")).hasMessageContaining("ends before it starts");
        }

        @Test
        void rejectsAnIntervalThatIsNotHoursAndMinutes() {
            assertThatThrownBy(() -> WorkingInterval.parse("9-5")).hasMessageContaining("HH:mm-HH:mm");
            assertThatThrownBy(() -> WorkingInterval.parse("09:00-25:00")).hasMessageContaining("does not exist");
        }

        @Test
        void rejectsOverlappingIntervalsOnOneDay() {
            assertThatThrownBy(() -> calendar(BERLIN, Map.of(DayOfWeek.MONDAY, List.of("09:00-13:00", "12:00-17:00"))))
                    .hasMessageContaining("09:00-13:00 and 12:00-17:00 on MONDAY overlap");
        }

        @Test
        void rejectsACalendarWithoutAnyWorkingTime() {
            assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Map.of(DayOfWeek.SATURDAY, List.of()), Set.of()))
                    .hasMessageContaining("at least one day");
        }

        @Test
        void rejectsNegativeWorkingTime() {
            assertThatThrownBy(() -> utcOffice.addWorkingTime(at("2026-03-02T10:00:00Z"), Duration.ofMinutes(-1)))
                    .hasMessageContaining("negative");
        }
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Instant berlin(String localDateTime) {
        return ZonedAt.of(localDateTime, BERLIN);
    }

    private static BusinessCalendar calendar(ZoneId zone, Map<DayOfWeek, List<String>> hours) {
        var intervals = new EnumMap<DayOfWeek, List<WorkingInterval>>(DayOfWeek.class);
        hours.forEach((day, texts) -> intervals.put(day, texts.stream().map(WorkingInterval::parse).toList()));
        return new BusinessCalendar(zone, intervals, Set.of());
    }

    private static Map<DayOfWeek, List<String>> weekdays(String... intervals) {
        var week = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, Arrays.asList(intervals));
            }
        }
        return week;
    }

    private static Map<DayOfWeek, List<String>> everyDay(String... intervals) {
        var week = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, Arrays.asList(intervals));
        }
        return week;
    }

    /** A local date-time in a zone, as an instant (the earlier one in an overlap). */
    private static final class ZonedAt {

        static Instant of(String localDateTime, ZoneId zone) {
            return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
        }
    }
}
