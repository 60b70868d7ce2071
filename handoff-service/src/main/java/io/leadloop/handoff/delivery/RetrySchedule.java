package io.leadloop.handoff.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before each attempt: exponential backoff from {@code initial}, doubling, capped at {@code max};
 * a server's {@code Retry-After} wins (capped too, so one endpoint cannot stall delivery for hours).
 */
record RetrySchedule(int maxAttempts, Duration initial, Duration max) {

    /**
     * @param failedAttempts attempts made so far (1 after the first failure)
     * @param retryAfter what the server asked for, if anything
     */
    Duration delayAfter(int failedAttempts, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
            return asked.compareTo(max) > 0 ? max : asked;
        }
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    boolean mayRetry(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }
}
