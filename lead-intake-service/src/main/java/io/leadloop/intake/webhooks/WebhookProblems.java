package io.leadloop.intake.webhooks;

import java.net.URI;
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

    static final URI MALFORMED_JSON = URI.create("https://leadloop.io/problems/malformed-json");
    static final URI MALFORMED_PAYLOAD = URI.create("https://leadloop.io/problems/malformed-payload");

    private final MeterRegistry meters;

    WebhookProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(MalformedPayloadException.class)
    ProblemDetail malformed(MalformedPayloadException e) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "malformed").increment();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(e.isJson() ? MALFORMED_PAYLOAD : MALFORMED_JSON);
        problem.setTitle(e.isJson() ? "Unexpected webhook payload" : "Malformed JSON");
        problem.setProperty("errors", List.of(Map.of("pointer", e.pointer(), "detail", e.getMessage())));
        return problem;
    }
}
