package io.leadloop.qualification.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.leadloop.qualification.definitions.ApprovalConflictException;
import io.leadloop.qualification.definitions.InvalidDefinitionException;
import io.leadloop.qualification.definitions.UnknownDefinitionException;
import io.leadloop.qualification.definitions.Violation;
import io.leadloop.qualification.streams.ScoresUnavailableException;
import io.leadloop.qualification.streams.StreamsInstances;
import io.leadloop.security.problems.JsonPointers;
import io.leadloop.security.problems.LeadLoopProblemHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns this service's errors into RFC 9457 problem details with stable {@code type} URIs, Spring MVC's own refusals
 * (wrong media type, unreadable body, wrong method, ...) included: {@link LeadLoopProblemHandler} types those.
 */
@RestControllerAdvice
class QualificationProblems extends LeadLoopProblemHandler {

    static final URI UNKNOWN_LEAD = URI.create("https://leadloop.io/problems/unknown-lead");
    static final URI SCORES_UNAVAILABLE = URI.create("https://leadloop.io/problems/scores-unavailable");
    static final URI INVALID_DEFINITION = URI.create("https://leadloop.io/problems/invalid-definition");
    static final URI INVALID_APPROVAL = URI.create("https://leadloop.io/problems/invalid-approval");
    static final URI UNKNOWN_DEFINITION = URI.create("https://leadloop.io/problems/unknown-definition");
    static final URI DEFINITION_CONFLICT = URI.create("https://leadloop.io/problems/definition-conflict");
    static final URI MALFORMED_REQUEST = URI.create("https://leadloop.io/problems/malformed-request");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(QualificationProblems.class);

    @ExceptionHandler
    ProblemDetail unknownLead(UnknownLeadException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setType(UNKNOWN_LEAD);
        problem.setTitle("Unknown lead");
        problem.setProperty("leadId", exception.leadId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidDefinition(InvalidDefinitionException exception) {
        return invalid(INVALID_DEFINITION, "Invalid lead definition", exception.violations());
    }

    @ExceptionHandler
    ProblemDetail invalidApproval(InvalidApprovalException exception) {
        return invalid(INVALID_APPROVAL, "Invalid approval", exception.violations());
    }

    @ExceptionHandler
    ProblemDetail unknownDefinition(UnknownDefinitionException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setType(UNKNOWN_DEFINITION);
        problem.setTitle("Unknown lead definition");
        problem.setProperty("version", exception.version());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail definitionConflict(ApprovalConflictException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setType(DEFINITION_CONFLICT);
        problem.setTitle("Lead definition conflict");
        problem.setProperty("version", exception.version());
        return problem;
    }

    private static ProblemDetail invalid(URI type, String title, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                violations.size() + " field(s) are invalid; see errors");
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("errors", violations.stream()
                .map(violation -> Map.of("pointer", violation.pointer(), "detail", violation.detail()))
                .toList());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> instanceUnavailable(StreamsInstances.InstanceUnavailableException exception) {
        return unavailable(exception);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> scoresUnavailable(ScoresUnavailableException exception) {
        return unavailable(exception);
    }

    private static ResponseEntity<ProblemDetail> unavailable(RuntimeException exception) {
        log.warn("Answering 503: {}", exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Scores cannot be read right now (the stream app is starting or rebalancing); retry shortly");
        problem.setType(SCORES_UNAVAILABLE);
        problem.setTitle("Scores unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }

    /**
     * An approval body that is not JSON, or has a value of the wrong type: 400 naming the field by JSON pointer when
     * Jackson knows where it was (Spring's default says only "Failed to read request").
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape.");
        problem.setType(MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        if (exception.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("pointer", JsonPointers.of(jackson.getPath()),
                    "detail", String.valueOf(jackson.getOriginalMessage()))));
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
