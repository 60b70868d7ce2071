package io.leadloop.intake.limits;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} tokens a second, at most one second's worth saved up for a burst. Small enough
 * to own rather than depend on a library for: one bucket per source per instance, nothing shared between
 * instances, no persistence.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /**
     * @param perSecond sustained rate, at least 1
     * @param nanoTime a monotonic clock ({@code System::nanoTime}), given so tests need not wait
     */
    TokenBucket(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("A bucket needs a rate of at least 1 per second, not " + perSecond);
        }
        this.capacity = perSecond;
        this.tokensPerNano = (double) perSecond / NANOS_PER_SECOND;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes a token when one is there; otherwise says how long until one will be. */
    synchronized Admission tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Admission.ADMITTED;
        }
        return Admission.refused(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
    }

    /**
     * Whether a request may go on, and if not, when it is worth trying again.
     *
     * @param retryAfter zero when admitted
     */
    record Admission(boolean admitted, Duration retryAfter) {

        static final Admission ADMITTED = new Admission(true, Duration.ZERO);

        static Admission refused(Duration retryAfter) {
            return new Admission(false, retryAfter);
        }

        /** What to put in {@code Retry-After}: whole seconds, rounded up, at least 1. */
        long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, seconds);
        }
    }
}
