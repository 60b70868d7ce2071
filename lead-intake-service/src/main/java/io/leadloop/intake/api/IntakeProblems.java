package io.leadloop.intake.api;

import static io.leadloop.security.problems.Problems.problem;
import static io.leadloop.security.problems.Problems.retryAfter;
import static io.leadloop.security.problems.Problems.type;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.identity.KnownLeadsUnavailableException;
import io.leadloop.intake.lead.FieldProblem;
import io.leadloop.intake.lead.InvalidLeadException;
import io.leadloop.intake.publishing.LeadNotPublishedException;
import io.leadloop.security.problems.JsonPointers;
import io.leadloop.security.problems.LeadLoopProblemHandler;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as RFC 9457 problem details with a stable type, naming each offending field by JSON pointer.
 * Extends LeadLoop's (and so Spring's) handler so framework errors (wrong media type, method, ...) are problem details
 * with a stable type too.
 */
@RestControllerAdvice
class IntakeProblems extends LeadLoopProblemHandler {

    static final URI INVALID_LEAD = type("invalid-lead");
    static final URI MALFORMED_JSON = type("malformed-json");
    static final URI KAFKA_UNAVAILABLE = type("kafka-unavailable");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeProblems.class);

    private final IntakeProperties properties;
    private final MeterRegistry meters;

    IntakeProblems(IntakeProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @ExceptionHandler(InvalidLeadException.class)
    ProblemDetail invalidLead(InvalidLeadException e) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "invalid").increment();
        var problem = problem(HttpStatus.BAD_REQUEST, INVALID_LEAD, "Invalid lead", e.problems().stream()
                .map(p -> p.pointer() + " " + p.detail()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors(e.problems()));
        return problem;
    }

    @ExceptionHandler({LeadNotPublishedException.class, KnownLeadsUnavailableException.class})
    ResponseEntity<ProblemDetail> notPublished(RuntimeException e) {
        if (e instanceof KnownLeadsUnavailableException) {
            // The publisher logs its own failures; this one was silent, and a 503 with no cause in the log cost a
            // day (ErasureIT's 503s came from a query service still reading a closed Streams client).
            log.warn("Lead not taken (503 kafka-unavailable): {}", rootCause(e));
        }
        meters.counter("leadloop.intake.leads.rejected", "reason", "kafka-unavailable").increment();
        return retryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, KAFKA_UNAVAILABLE, "Temporarily unable to take leads",
                "The lead could not be stored right now and was not taken; send it again after Retry-After seconds."),
                properties.retryAfter());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        meters.counter("leadloop.intake.leads.rejected", "reason", "malformed").increment();
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(MALFORMED_JSON);
        problem.setTitle("Malformed JSON");
        String pointer = "";
        String detail = "The body is not valid JSON";
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            pointer = JsonPointers.of(databind.getPath());
            detail = "Wrong type or value at " + pointer;
        } else if (e.getCause() instanceof JacksonException jackson) {
            detail = "The body is not valid JSON: " + jackson.getOriginalMessage();
        } else if (e.getCause() == null) {
            detail = "The body is missing";
        }
        problem.setDetail(detail);
        problem.setProperty("errors", List.of(Map.of("pointer", pointer, "detail", detail)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static List<Map<String, String>> errors(List<FieldProblem> problems) {
        return problems.stream().map(p -> Map.of("pointer", p.pointer(), "detail", p.detail())).toList();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(e.getMessage());
        return cause == e || message.contains(String.valueOf(cause.getMessage())) ? message : message + " (" + cause + ")";
    }
}
