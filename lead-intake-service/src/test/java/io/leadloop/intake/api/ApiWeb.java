package io.leadloop.intake.api;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.capture.LeadIntake;
import io.micrometer.core.instrument.MeterRegistry;

/** The real lead controller and problem handlers of this package, for HTTP tests that run without Spring. */
public final class ApiWeb {

    private ApiWeb() {
    }

    public static Object leadController(LeadIntake intake, MeterRegistry meters) {
        return new LeadController(intake, meters);
    }

    public static Object[] problemHandlers(IntakeProperties properties, MeterRegistry meters) {
        return new Object[] {new IntakeProblems(properties, meters), new SourceProblems(meters)};
    }
}
