package io.leadloop.handoff.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.leadloop.handoff.assignment.HandoffsUnavailableException;
import io.leadloop.handoff.roster.RosterUnavailableException;
import io.leadloop.security.problems.JsonPointers;
import io.leadloop.security.problems.LeadLoopProblemHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of the API as RFC 9457 problem details with a stable {@code type} URI
 * ({@code https://leadloop.io/problems/<slug>}), including Spring MVC's own (unknown path, wrong method, ...), which
 * {@link LeadLoopProblemHandler} types.
 */
@RestControllerAdvice
class ProblemDetails extends LeadLoopProblemHandler {

    @ExceptionHandler
    ProblemDetail handoffNotFound(HandoffNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setType(URI.create(TYPE_BASE + "handoff-not-found"));
        problem.setTitle("Handoff not found");
        problem.setProperty("leadId", notFound.leadId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail repNotFound(RepNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setType(URI.create(TYPE_BASE + "rep-not-found"));
        problem.setTitle("Rep not found");
        problem.setProperty("repId", notFound.repId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidRep(InvalidRepException invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The rep has invalid fields; see errors.");
        problem.setType(URI.create(TYPE_BASE + "invalid-rep"));
        problem.setTitle("Invalid rep");
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rosterUnavailable(RosterUnavailableException unavailable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The roster cannot be read or changed right now; retry shortly.");
        problem.setType(URI.create(TYPE_BASE + "roster-unavailable"));
        problem.setTitle("Roster temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> handoffsUnavailable(HandoffsUnavailableException unavailable) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Handoffs are being restored or rebalanced; retry shortly.");
        problem.setType(URI.create(TYPE_BASE + "handoffs-unavailable"));
        problem.setTitle("Handoffs temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    /**
     * A rep body that is not JSON, or has a value of the wrong type: 400 naming the field by JSON pointer when Jackson
     * knows where it was (Spring's default says only "Failed to read request").
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape.");
        problem.setType(URI.create(TYPE_BASE + "malformed-request"));
        problem.setTitle("Malformed request");
        if (exception.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            problem.setProperty("errors", List.of(Map.of("pointer", JsonPointers.of(jackson.getPath()),
                    "detail", String.valueOf(jackson.getOriginalMessage()))));
        }
        return ResponseEntity.badRequest().body(problem);
    }
}
