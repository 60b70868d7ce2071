package io.leadloop.handoff.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.events.Priority;

class SlaPolicyTest {

    private static final Instant HANDED_OFF_AT = Instant.parse("2026-03-06T16:50:00Z");

    private final SlaPolicy policy = SlaPolicy.defaults();

    @Test
    void hotLeadIsDueFifteenMinutesAfterHandoff() {
        assertThat(policy.dueAt(Priority.HOT, HANDED_OFF_AT)).isEqualTo(Instant.parse("2026-03-06T17:05:00Z"));
    }

    @Test
    void warmLeadIsDueFourHoursAfterHandoff() {
        assertThat(policy.dueAt(Priority.WARM, HANDED_OFF_AT)).isEqualTo(Instant.parse("2026-03-06T20:50:00Z"));
    }

    @Test
    void coldLeadIsDueADayAfterHandoffCountingWallClockNotBusinessTime() {
        // A Friday afternoon handoff is due Saturday: business calendars come with issue 5.
        assertThat(policy.dueAt(Priority.COLD, HANDED_OFF_AT)).isEqualTo(Instant.parse("2026-03-07T16:50:00Z"));
    }

    @Test
    void tierWithoutItsOwnSlaFallsBack() {
        var hotOnly = new SlaPolicy(Map.of(Priority.HOT, Duration.ofMinutes(5)), Duration.ofHours(8));

        assertThat(hotOnly.timeToFirstTouch(Priority.UNKNOWN)).isEqualTo(Duration.ofHours(8));
        assertThat(hotOnly.timeToFirstTouch(Priority.COLD)).isEqualTo(Duration.ofHours(8));
        assertThat(hotOnly.timeToFirstTouch(null)).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void rejectsASlaThatIsNotPositive() {
        assertThatThrownBy(() -> new SlaPolicy(Map.of(Priority.HOT, Duration.ZERO), Duration.ofHours(24)))
                .hasMessageContaining("HOT");
        assertThatThrownBy(() -> new SlaPolicy(Map.of(), Duration.ofMinutes(-1)))
                .hasMessageContaining("fallback");
    }
}
