package io.leadloop.intake.webhooks;

import static io.leadloop.security.problems.Problems.problem;
import static io.leadloop.security.problems.Problems.type;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.micrometer.core.instrument.MeterRegistry;

/** Webhook bodies that are not what the platform documents, as problem details naming the place. */
@RestControllerAdvice
class WebhookProblems {

    private final MeterRegistry meters;

    WebhookProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(MalformedPayloadException.class)
    ProblemDetail malformed(MalformedPayloadException e) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "malformed").increment();
        var problem = e.isJson()
                ? problem(HttpStatus.BAD_REQUEST, type("malformed-payload"), "Unexpected webhook payload",
                        e.getMessage())
                : problem(HttpStatus.BAD_REQUEST, type("malformed-json"), "Malformed JSON", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("pointer", e.pointer(), "detail", e.getMessage())));
        return problem;
    }
}
