package io.leadloop.security.privacy;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.leadloop.schemas.privacy.PersonKeyRing;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The person-key reader in the service's metrics: how often a lookup missed the local key store and how long those
 * lookups waited for the reader to catch up ({@code leadloop.person-keys.miss.waits}, a timer: count and total
 * time), and whether the reader is running ({@code leadloop.person-keys.reading}, 1 or 0).
 *
 * <p>Why: a miss blocks the thread that needs the key (a Kafka Streams thread in qualification and handoff, a
 * request in intake) until the reader has read up to the topic's end, so rising miss waits are the first sign of a
 * reader that lags the keys' writer — before leads slow down.
 */
public final class PersonKeyRingMetrics implements MeterBinder {

    private final LongSupplier misses;
    private final LongSupplier missWaitNanos;
    private final BooleanSupplier reading;

    public PersonKeyRingMetrics(PersonKeyRing ring) {
        this(ring::misses, ring::missWaitNanos, ring::isReading);
    }

    PersonKeyRingMetrics(LongSupplier misses, LongSupplier missWaitNanos, BooleanSupplier reading) {
        this.misses = misses;
        this.missWaitNanos = missWaitNanos;
        this.reading = reading;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionTimer.builder("leadloop.person-keys.miss.waits", this,
                        metrics -> metrics.misses.getAsLong(),
                        metrics -> metrics.missWaitNanos.getAsLong(), TimeUnit.NANOSECONDS)
                .description("Key lookups that missed the local key store and waited for the reader to catch up")
                .register(registry);
        Gauge.builder("leadloop.person-keys.reading", this, metrics -> metrics.reading.getAsBoolean() ? 1 : 0)
                .description("1 while the person-key reader runs, 0 while it is stopped")
                .register(registry);
    }
}
