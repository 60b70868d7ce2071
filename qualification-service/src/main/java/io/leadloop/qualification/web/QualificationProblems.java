package io.leadloop.qualification.web;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.leadloop.qualification.streams.ScoresUnavailableException;

/** Turns this service's errors into RFC 9457 problem details with stable {@code type} URIs. */
@RestControllerAdvice
class QualificationProblems {

    static final URI UNKNOWN_LEAD = URI.create("https://leadloop.io/problems/unknown-lead");
    static final URI SCORES_UNAVAILABLE = URI.create("https://leadloop.io/problems/scores-unavailable");
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
    ResponseEntity<ProblemDetail> scoresUnavailable(ScoresUnavailableException exception) {
        log.warn("Answering 503: {}", exception.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Scores cannot be read right now (the stream app is starting or rebalancing); retry shortly");
        problem.setType(SCORES_UNAVAILABLE);
        problem.setTitle("Scores unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .body(problem);
    }
}
