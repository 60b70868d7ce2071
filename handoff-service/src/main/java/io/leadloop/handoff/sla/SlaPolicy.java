package io.leadloop.handoff.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.leadloop.events.Priority;

/**
 * The service-level agreement between marketing and sales: how long a rep has for the first touch of a lead of a
 * given priority tier.
 *
 * <p>The skeleton counts plain wall-clock time ({@code dueAt = handedOffAt + timeToFirstTouch}); issue 5 replaces
 * it with business time on the team's calendar (working hours, time zone, weekends, holidays).
 *
 * @param timeToFirstTouch per priority tier, e.g. HOT 15 minutes, WARM 4 hours
 * @param fallback for tiers without an entry (COLD, UNKNOWN, tiers added later)
 */
public record SlaPolicy(Map<Priority, Duration> timeToFirstTouch, Duration fallback) {

    public SlaPolicy {
        Objects.requireNonNull(fallback, "fallback SLA");
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

    /** HOT 15 minutes, WARM 4 hours, everything else 24 hours. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(Map.of(Priority.HOT, Duration.ofMinutes(15), Priority.WARM, Duration.ofHours(4),
                Priority.COLD, Duration.ofHours(24)), Duration.ofHours(24));
    }

    public Duration timeToFirstTouch(Priority priority) {
        return priority == null ? fallback : timeToFirstTouch.getOrDefault(priority, fallback);
    }

    /** When the first touch of a lead handed off at {@code handedOffAt} is due. */
    public Instant dueAt(Priority priority, Instant handedOffAt) {
        return handedOffAt.plus(timeToFirstTouch(priority));
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("The SLA for " + what + " must be a positive duration, was " + duration);
        }
    }
}
