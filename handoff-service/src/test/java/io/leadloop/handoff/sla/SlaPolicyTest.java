package io.leadloop.handoff.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.events.Priority;

class SlaPolicyTest {

    /** Friday 16:50 UTC: 17:50 in Berlin, 08:50 in Los Angeles. */
    private static final Instant FRIDAY_1650_UTC = Instant.parse("2026-03-06T16:50:00Z");

    private final SlaPolicy policy = SlaPolicy.defaults(new TeamCalendars(
            Map.of("inbound-emea", BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin")),
                    "inbound-americas", BusinessCalendar.officeHours(ZoneId.of("America/Los_Angeles"))),
            BusinessCalendar.officeHours(ZoneOffset.UTC)));

    @Test
    void hotLeadIsDueAfterFifteenWorkingMinutesRunningOverTheWeekend() {
        // 10 minutes on Friday, 5 on Monday.
        assertThat(policy.dueAt(Priority.HOT, "inbound-other", FRIDAY_1650_UTC))
                .isEqualTo(Instant.parse("2026-03-09T09:05:00Z"));
    }

    @Test
    void warmLeadIsDueAfterFourWorkingHours() {
        assertThat(policy.dueAt(Priority.WARM, "inbound-other", FRIDAY_1650_UTC))
                .isEqualTo(Instant.parse("2026-03-09T12:50:00Z"));
    }

    @Test
    void coldLeadIsDueAfterTwentyFourWorkingHoursNotADay() {
        // 10 minutes Friday, Monday and Tuesday 8h each, 7h50 Wednesday.
        assertThat(policy.dueAt(Priority.COLD, "inbound-other", FRIDAY_1650_UTC))
                .isEqualTo(Instant.parse("2026-03-11T16:50:00Z"));
    }

    @Test
    void countsOnTheCalendarOfTheOwnersTeam() {
        // Berlin closed at 17:00 CET: Monday 09:15 CET. Los Angeles opens at 09:00 PST, ten minutes later: 09:15 PST.
        assertThat(policy.dueAt(Priority.HOT, "inbound-emea", FRIDAY_1650_UTC))
                .isEqualTo(Instant.parse("2026-03-09T08:15:00Z"));
        assertThat(policy.dueAt(Priority.HOT, "inbound-americas", FRIDAY_1650_UTC))
                .isEqualTo(Instant.parse("2026-03-06T17:15:00Z"));
    }

    @Test
    void teamWithoutItsOwnCalendarWorksOnTheDefaultCalendar() {
        assertThat(policy.calendars().of("inbound-apac")).isEqualTo(BusinessCalendar.officeHours(ZoneOffset.UTC));
        assertThat(policy.calendars().of(null)).isEqualTo(BusinessCalendar.officeHours(ZoneOffset.UTC));
    }

    @Test
    void tierWithoutItsOwnSlaFallsBack() {
        var hotOnly = new SlaPolicy(Map.of(Priority.HOT, Duration.ofMinutes(5)), Duration.ofHours(8),
                policy.calendars());

        assertThat(hotOnly.timeToFirstTouch(Priority.UNKNOWN)).isEqualTo(Duration.ofHours(8));
        assertThat(hotOnly.timeToFirstTouch(Priority.COLD)).isEqualTo(Duration.ofHours(8));
        assertThat(hotOnly.timeToFirstTouch(null)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void rejectsASlaThatIsNotPositive() {
        assertThatThrownBy(() -> new SlaPolicy(Map.of(Priority.HOT, Duration.ZERO), Duration.ofHours(24),
                policy.calendars())).hasMessageContaining("HOT");
        assertThatThrownBy(() -> new SlaPolicy(Map.of(), Duration.ofMinutes(-1), policy.calendars()))
                .hasMessageContaining("fallback");
    }
}
