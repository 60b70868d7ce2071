package io.leadloop.intake.api;

import static io.leadloop.security.problems.Problems.problem;
import static io.leadloop.security.problems.Problems.type;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.leadloop.intake.sources.UnauthenticDeliveryException;
import io.leadloop.intake.sources.UnknownSourceException;
import io.micrometer.core.instrument.MeterRegistry;

/** Refusals common to every webhook and form source, as problem details. */
@RestControllerAdvice
class SourceProblems {

    private final MeterRegistry meters;

    SourceProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(UnknownSourceException.class)
    ProblemDetail unknownSource(UnknownSourceException e) {
        return problem(HttpStatus.NOT_FOUND, type("unknown-source"), "Unknown lead source", e.getMessage());
    }

    @ExceptionHandler(UnauthenticDeliveryException.class)
    ProblemDetail unauthentic(UnauthenticDeliveryException e) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "unauthentic").increment();
        return problem(HttpStatus.UNAUTHORIZED, type("unauthentic-delivery"), "Delivery not authentic",
                e.getMessage());
    }
}
