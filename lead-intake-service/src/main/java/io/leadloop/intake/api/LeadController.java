package io.leadloop.intake.api;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.intake.capture.Answers;
import io.leadloop.intake.capture.CaptureResult;
import io.leadloop.intake.capture.Delivery;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.lead.LeadSubmission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Our own JSON API for leads: validate, normalise, publish durably, then answer. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final LeadIntake intake;
    /** Looked up once: finding a counter by name and tags on every request showed up in the profile. */
    private final Counter acceptedNew;
    private final Counter acceptedRepeat;

    LeadController(LeadIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.acceptedNew = meters.counter("leadloop.intake.leads.accepted", "source", "api", "repeat", "false");
        this.acceptedRepeat = meters.counter("leadloop.intake.leads.accepted", "source", "api", "repeat", "true");
    }

    @Operation(summary = "Capture one lead",
            description = "Answers 202 only after Kafka acknowledged the LeadCaptured event (acks=all). A repeat of an "
                    + "earlier delivery (same Idempotency-Key, or the same content) answers with the same leadId and "
                    + "publishes nothing; the same person (email or phone) submitting again is a new touch on their lead.")
    @ApiResponse(responseCode = "202", description = "Accepted and durable",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LeadAccepted.class),
                    examples = @ExampleObject(value = ApiExamples.ACCEPTED)))
    @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem+json naming each field)",
            content = @Content(mediaType = "application/problem+json", examples = {
                    @ExampleObject(name = "invalid fields", value = ApiExamples.INVALID_LEAD),
                    @ExampleObject(name = "wrong type", value = ApiExamples.MALFORMED_JSON)}))
    @ApiResponse(responseCode = "503", description = "Kafka unavailable: retry after the Retry-After header; nothing was taken",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(value = ApiExamples.KAFKA_UNAVAILABLE)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LeadAccepted> capture(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = LeadSubmission.class),
                    examples = @ExampleObject(name = "a full lead", value = ApiExamples.FULL_LEAD)))
            @RequestBody LeadSubmission submission,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        CaptureResult result = Answers.await(intake.capture(Delivery.viaApi(submission, idempotencyKey)));
        (result.repeat() ? acceptedRepeat : acceptedNew).increment();
        MDC.put("leadId", result.leadId());
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(LeadAccepted.of(result));
        } finally {
            MDC.remove("leadId");
        }
    }

    /**
     * The answer to an accepted lead: its id (to quote in feedback and found on every later event), which touch
     * this was, and whether it was a repeat of an earlier delivery.
     */
    record LeadAccepted(String leadId, int touch, boolean repeat) {
        static LeadAccepted of(CaptureResult result) {
            return new LeadAccepted(result.leadId(), result.touch(), result.repeat());
        }
    }
}
