package io.leadloop.intake.limits;

import static io.leadloop.security.problems.Problems.problem;
import static io.leadloop.security.problems.Problems.retryAfter;
import static io.leadloop.security.problems.Problems.type;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    static final URI RATE_LIMITED = type("rate-limited");
    static final URI BODY_TOO_LARGE = type("body-too-large");
    static final URI TIMED_OUT = type("timed-out");
    static final URI UNSUPPORTED_CHARSET = type("unsupported-charset");

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
        var problem = problem(HttpStatus.CONTENT_TOO_LARGE, BODY_TOO_LARGE, "Request body too large",
                bodyTooLargeDetail(e.maxBytes()));
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
        return retryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, TIMED_OUT, "Timed out",
                "The lead could not be confirmed in time; send it again after Retry-After seconds (a lead taken "
                        + "meanwhile is recognised as a repeat)."), properties.retryAfter());
    }
}
