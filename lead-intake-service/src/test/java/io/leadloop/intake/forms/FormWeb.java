package io.leadloop.intake.forms;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.sources.Sources;
import io.micrometer.core.instrument.MeterRegistry;

/** The real form controller, for HTTP tests that run without Spring. */
public final class FormWeb {

    private FormWeb() {
    }

    public static Object formController(IntakeProperties properties, LeadIntake intake, MeterRegistry meters) {
        return new FormController(new Sources(properties), new FormProperties("_gotcha"), properties, intake, meters);
    }
}
