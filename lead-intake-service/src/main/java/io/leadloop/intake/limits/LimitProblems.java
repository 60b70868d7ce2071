package io.leadloop.intake.limits;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

import io.leadloop.intake.IntakeProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Limits reached while a request is already in Spring MVC, as problem details. Ordered first so that a body cap
 * hit while JSON was being parsed is a {@code 413}, not the "malformed JSON" {@code 400} its wrapping
 * {@code HttpMessageNotReadableException} would otherwise get (Spring matches handlers on the cause chain too).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LimitProblems {

    static final URI RATE_LIMITED = URI.create("https://leadloop.io/problems/rate-limited");
    static final URI BODY_TOO_LARGE = URI.create("https://leadloop.io/problems/body-too-large");
    static final URI TIMED_OUT = URI.create("https://leadloop.io/problems/timed-out");
    static final URI UNSUPPORTED_CHARSET = URI.create("https://leadloop.io/problems/unsupported-charset");

    private final IntakeProperties properties;
    private final MeterRegistry meters;

    LimitProblems(IntakeProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    static String bodyTooLargeDetail(long maxBytes) {
        return "The request body is larger than " + maxBytes + " bytes, the most this endpoint takes; send less "
                + "(a batch: fewer leads per request).";
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail bodyTooLarge(BodyTooLargeException e) {
        meters.counter("leadloop.intake.requests.refused", "source", "any", "reason", "body-too-large").increment();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, bodyTooLargeDetail(e.maxBytes()));
        problem.setType(BODY_TOO_LARGE);
        problem.setTitle("Request body too large");
        problem.setProperty("maxBytes", e.maxBytes());
        return problem;
    }

    /**
     * The answer took longer than the async request timeout ({@code spring.mvc.async.request-timeout}, longer than
     * Kafka's delivery timeout, so rare): a transient fault, so 503 with Retry-After, never a bare 500. A lead
     * that became durable meanwhile is recognised as a repeat when the sender retries.
     */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut(AsyncRequestTimeoutException e) {
        meters.counter("leadloop.intake.requests.refused", "source", "any", "reason", "timed-out").increment();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The lead could not be confirmed in time; send it again after Retry-After seconds (a lead taken "
                        + "meanwhile is recognised as a repeat).");
        problem.setType(TIMED_OUT);
        problem.setTitle("Timed out");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())))
                .body(problem);
    }
}
