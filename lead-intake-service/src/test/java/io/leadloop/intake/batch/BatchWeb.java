package io.leadloop.intake.batch;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.limits.LimitsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The real batch controller, for HTTP tests that run without Spring. */
public final class BatchWeb {

    private BatchWeb() {
    }

    public static Object batchController(JsonMapper json, LeadIntake intake, IntakeProperties properties,
            LimitsProperties limits, MeterRegistry meters) {
        return new BatchController(json, new BatchCapture(intake, properties, meters, Runnable::run), limits, properties);
    }
}
