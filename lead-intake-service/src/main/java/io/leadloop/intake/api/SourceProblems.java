package io.leadloop.intake.api;

import java.net.URI;

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

    static final URI UNKNOWN_SOURCE = URI.create("https://leadloop.io/problems/unknown-source");
    static final URI UNAUTHENTIC_DELIVERY = URI.create("https://leadloop.io/problems/unauthentic-delivery");

    private final MeterRegistry meters;

    SourceProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(UnknownSourceException.class)
    ProblemDetail unknownSource(UnknownSourceException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(UNKNOWN_SOURCE);
        problem.setTitle("Unknown lead source");
        return problem;
    }

    @ExceptionHandler(UnauthenticDeliveryException.class)
    ProblemDetail unauthentic(UnauthenticDeliveryException e) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "unauthentic").increment();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(UNAUTHENTIC_DELIVERY);
        problem.setTitle("Delivery not authentic");
        return problem;
    }
}
