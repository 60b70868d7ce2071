package io.leadloop.qualification.web;

import static io.leadloop.security.problems.Problems.problem;
import static io.leadloop.security.problems.Problems.retryAfter;
import static io.leadloop.security.problems.Problems.type;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.leadloop.qualification.definitions.ApprovalConflictException;
import io.leadloop.qualification.definitions.InvalidDefinitionException;
import io.leadloop.qualification.definitions.UnknownDefinitionException;
import io.leadloop.qualification.definitions.Violation;
import io.leadloop.qualification.streams.ScoresUnavailableException;
import io.leadloop.qualification.streams.StreamsInstances;
import io.leadloop.security.problems.LeadLoopProblemHandler;

/**
 * Turns this service's errors into RFC 9457 problem details with stable {@code type} URIs, Spring MVC's own refusals
 * (wrong media type, unreadable body, wrong method, ...) included: {@link LeadLoopProblemHandler} types those and
 * answers an unreadable body with {@code malformed-request}.
 */
@RestControllerAdvice
class QualificationProblems extends LeadLoopProblemHandler {

    static final URI UNKNOWN_LEAD = type("unknown-lead");
    static final URI SCORES_UNAVAILABLE = type("scores-unavailable");
    static final URI INVALID_DEFINITION = type("invalid-definition");
    static final URI INVALID_APPROVAL = type("invalid-approval");
    static final URI UNKNOWN_DEFINITION = type("unknown-definition");
    static final URI DEFINITION_CONFLICT = type("definition-conflict");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(QualificationProblems.class);

    @ExceptionHandler
    ProblemDetail unknownLead(UnknownLeadException exception) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, UNKNOWN_LEAD, "Unknown lead", exception.getMessage());
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
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, UNKNOWN_DEFINITION, "Unknown lead definition",
                exception.getMessage());
        problem.setProperty("version", exception.version());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail definitionConflict(ApprovalConflictException exception) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, DEFINITION_CONFLICT, "Lead definition conflict",
                exception.getMessage());
        problem.setProperty("version", exception.version());
        return problem;
    }

    private static ProblemDetail invalid(URI type, String title, List<Violation> violations) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type, title,
                violations.size() + " field(s) are invalid; see errors");
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
        return retryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, SCORES_UNAVAILABLE, "Scores unavailable",
                "Scores cannot be read right now (the stream app is starting or rebalancing); retry shortly"),
                RETRY_AFTER);
    }
}
