package io.leadloop.intake.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.sources.SourceSettings;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void admitsABurstOfOneSecondsWorthThenRefuses() {
        var bucket = new TokenBucket(3, now::get);

        assertThat(bucket.tryTake().admitted()).isTrue();
        assertThat(bucket.tryTake().admitted()).isTrue();
        assertThat(bucket.tryTake().admitted()).isTrue();
        assertThat(bucket.tryTake().admitted()).isFalse();
    }

    @Test
    void saysHowLongUntilTheNextTokenRoundedUpToWholeSeconds() {
        var bucket = new TokenBucket(2, now::get);
        bucket.tryTake();
        bucket.tryTake();

        var refused = bucket.tryTake();

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtItsRateButSavesNoMoreThanOneSecondsWorth() {
        var bucket = new TokenBucket(2, now::get);
        bucket.tryTake();
        bucket.tryTake();

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake().admitted()).isTrue();
        assertThat(bucket.tryTake().admitted()).isFalse();

        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(bucket.tryTake().admitted()).isTrue();
        assertThat(bucket.tryTake().admitted()).isTrue();
        assertThat(bucket.tryTake().admitted()).isFalse();
    }

    @Test
    void aSlowRateTellsSendersToWaitSeveralSeconds() {
        var bucket = new TokenBucket(1, now::get);
        bucket.tryTake();
        now.addAndGet(Duration.ofMillis(100).toNanos());

        assertThat(bucket.tryTake().retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refusesARateBelowOne() {
        assertThatThrownBy(() -> new TokenBucket(0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitsEachSourceByItsOwnRateAndTheApiByItsDefault() {
        var limits = new RateLimits(Map.of("spring-demo", form(1), "open-form", form(0)), 2, now::get);

        assertThat(limits.admit("spring-demo").admitted()).isTrue();
        assertThat(limits.admit("spring-demo").admitted()).isFalse();
        assertThat(limits.admit("api").admitted()).isTrue();
        assertThat(limits.admit("api").admitted()).isTrue();
        assertThat(limits.admit("api").admitted()).isFalse();
    }

    @Test
    void leavesUnlimitedASourceWithRateZeroAndNamesThatAreNoSource() {
        var limits = new RateLimits(Map.of("open-form", form(0)), 1, now::get);

        for (int i = 0; i < 100; i++) {
            assertThat(limits.admit("open-form").admitted()).isTrue();
            assertThat(limits.admit("no-such-source-" + i).admitted()).isTrue();
        }
        assertThat(limits.isKnown("no-such-source-1")).isFalse();
    }

    private static SourceSettings form(int requestsPerSecond) {
        return new SourceSettings("form", true, null, null, null, null, null, Map.of(), null, null,
                java.util.List.of(), requestsPerSecond, Duration.ofMinutes(5));
    }
}
