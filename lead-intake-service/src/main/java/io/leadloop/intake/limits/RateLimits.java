package io.leadloop.intake.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.sources.Sources;

/**
 * One {@link TokenBucket} per source on this instance: the configured sources at their {@code requestsPerSecond},
 * our JSON API (source {@code api}) at {@link LimitsProperties#apiRequestsPerSecond()}. Names that are not a
 * configured source get no bucket (they are answered 404 anyway), so random paths cannot grow the map.
 */
@Component
class RateLimits {

    static final String API = "api";

    private final Map<String, Integer> ratePerSource;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    RateLimits(Sources sources, LimitsProperties limits) {
        this(sources.all(), limits.apiRequestsPerSecond(), System::nanoTime);
    }

    RateLimits(Map<String, SourceSettings> sources, int apiRequestsPerSecond, LongSupplier nanoTime) {
        var rates = new java.util.HashMap<String, Integer>();
        sources.forEach((name, settings) -> rates.put(name, settings.requestsPerSecond()));
        rates.put(API, apiRequestsPerSecond);
        this.ratePerSource = Map.copyOf(rates);
        this.nanoTime = nanoTime;
    }

    TokenBucket.Admission admit(String source) {
        Integer rate = ratePerSource.get(source);
        if (rate == null || rate <= 0) {
            return TokenBucket.Admission.ADMITTED;
        }
        return buckets.computeIfAbsent(source, name -> new TokenBucket(rate, nanoTime)).tryTake();
    }

    int rateOf(String source) {
        return ratePerSource.getOrDefault(source, 0);
    }

    /** Whether the name is a configured source (or {@code api}): only those are worth a metric tag. */
    boolean isKnown(String source) {
        return ratePerSource.containsKey(source);
    }
}
