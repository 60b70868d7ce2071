package io.leadloop.feedback.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.leadloop.feedback.crm.MalformedCrmDelivery;
import io.leadloop.feedback.crm.WebhookUnauthorized;
import io.leadloop.feedback.funnel.FunnelNotReady;
import io.leadloop.feedback.funnel.InvalidQuery;
import io.leadloop.feedback.funnel.UnknownCampaign;
import io.leadloop.feedback.recording.PublishFailed;
import io.leadloop.feedback.recording.UnknownLead;
import io.leadloop.feedback.recording.domain.FieldViolation;
import io.leadloop.feedback.recording.domain.ImpossibleOutcome;
import io.leadloop.feedback.recording.domain.InvalidFeedback;
import io.leadloop.security.problems.LeadLoopProblemHandler;

/**
 * Answers every error as an RFC 9457 problem with a stable {@code type}; invalid input also lists the offending
 * fields as {@code errors: [{"pointer": "/json/pointer", "detail": "..."}]}. Spring MVC's own refusals get their type
 * from {@link LeadLoopProblemHandler}, which also answers a body that is not JSON of the expected shape with
 * {@code malformed-request}.
 */
@RestControllerAdvice
class ProblemHandler extends LeadLoopProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalidFeedback(InvalidFeedback e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_FEEDBACK, "Some fields of the feedback are invalid.",
                e.violations());
    }

    @ExceptionHandler
    ProblemDetail impossibleOutcome(ImpossibleOutcome e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.IMPOSSIBLE_OUTCOME, e.getMessage(),
                List.of(new FieldViolation(e.pointer(), e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail unknownLead(UnknownLead e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, ProblemType.UNKNOWN_LEAD, e.getMessage(), List.of());
        problem.setProperty("leadId", e.leadId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownCampaign(UnknownCampaign e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, ProblemType.UNKNOWN_CAMPAIGN, e.getMessage(), List.of());
        problem.setProperty("campaignId", e.campaignId());
        return problem;
    }

    /** Query parameters have no JSON pointer: each error names its {@code parameter} instead. */
    @ExceptionHandler
    ProblemDetail invalidQuery(InvalidQuery e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_QUERY, e.getMessage(), List.of());
        problem.setProperty("errors", e.errors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(error -> Map.of("parameter", error.getKey(), "detail", error.getValue()))
                .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail publishFailed(PublishFailed e) {
        log.error("Feedback not recorded: {}", e.getMessage(), e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.PUBLISH_FAILED,
                "The feedback could not be made durable; it was not recorded, please retry.", List.of());
    }

    @ExceptionHandler
    ProblemDetail funnelNotReady(FunnelNotReady e) {
        log.warn("{}: {}", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.FUNNEL_NOT_READY, e.getMessage(), List.of());
    }

    @ExceptionHandler
    ProblemDetail webhookUnauthorized(WebhookUnauthorized e) {
        log.warn("CRM delivery refused: {}", e.getMessage());
        return problem(HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED_DELIVERY, e.getMessage(), List.of());
    }

    @ExceptionHandler
    ProblemDetail malformedCrmDelivery(MalformedCrmDelivery e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, e.getMessage(), List.of());
    }

    private static ProblemDetail problem(HttpStatus status, ProblemType type, @Nullable String detail,
            List<FieldViolation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("pointer", error.pointer(), "detail", error.detail()))
                    .toList());
        }
        return problem;
    }
}
