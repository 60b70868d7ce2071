package io.leadloop.handoff.web;

import static io.leadloop.security.problems.Problems.problem;
import static io.leadloop.security.problems.Problems.retryAfter;
import static io.leadloop.security.problems.Problems.type;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.leadloop.handoff.assignment.HandoffsUnavailableException;
import io.leadloop.handoff.roster.RosterUnavailableException;
import io.leadloop.security.problems.LeadLoopProblemHandler;

/**
 * Every error of the API as RFC 9457 problem details with a stable {@code type} URI
 * ({@code https://leadloop.io/problems/<slug>}), including Spring MVC's own (unknown path, wrong method, ...), which
 * {@link LeadLoopProblemHandler} types; it also answers a rep body that is not JSON of the expected shape with
 * {@code malformed-request}.
 */
@RestControllerAdvice
class ProblemDetails extends LeadLoopProblemHandler {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @ExceptionHandler
    ProblemDetail handoffNotFound(HandoffNotFoundException notFound) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, type("handoff-not-found"), "Handoff not found",
                notFound.getMessage());
        problem.setProperty("leadId", notFound.leadId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail repNotFound(RepNotFoundException notFound) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, type("rep-not-found"), "Rep not found",
                notFound.getMessage());
        problem.setProperty("repId", notFound.repId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidRep(InvalidRepException invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type("invalid-rep"), "Invalid rep",
                "The rep has invalid fields; see errors.");
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rosterUnavailable(RosterUnavailableException unavailable) {
        return retryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, type("roster-unavailable"),
                "Roster temporarily unavailable", "The roster cannot be read or changed right now; retry shortly."),
                RETRY_AFTER);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> handoffsUnavailable(HandoffsUnavailableException unavailable) {
        return retryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, type("handoffs-unavailable"),
                "Handoffs temporarily unavailable", "Handoffs are being restored or rebalanced; retry shortly."),
                RETRY_AFTER);
    }
}
