package io.leadloop.intake.limits;

import java.util.Map;

import jakarta.servlet.Filter;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.sources.SourceSettings;
import io.micrometer.core.instrument.MeterRegistry;

/** The real limits filter and its problem handler, for HTTP tests of other packages that run without Spring. */
public final class LimitsWeb {

    private LimitsWeb() {
    }

    public static Filter filter(Map<String, SourceSettings> sources, LimitsProperties limits, MeterRegistry meters) {
        return new IntakeLimitsFilter(new RateLimits(sources, limits.apiRequestsPerSecond(), System::nanoTime), limits,
                meters);
    }

    public static Object problems(IntakeProperties properties, MeterRegistry meters) {
        return new LimitProblems(properties, meters);
    }
}
