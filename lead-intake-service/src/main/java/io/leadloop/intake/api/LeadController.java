package io.leadloop.intake.api;

import java.util.concurrent.CompletableFuture;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.lead.LeadValidator;
import io.leadloop.intake.publishing.LeadPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Our own JSON API for leads: validate, normalise, publish durably, then answer. */
@RestController
@RequestMapping("/api/v1/leads")
class LeadController {

    private final LeadValidator validator;
    private final LeadPublisher publisher;
    private final MeterRegistry meters;

    LeadController(LeadValidator validator, LeadPublisher publisher, MeterRegistry meters) {
        this.validator = validator;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Operation(summary = "Capture one lead",
            description = "Answers 202 only after Kafka acknowledged the LeadCaptured event (acks=all).")
    @ApiResponse(responseCode = "202", description = "Accepted and durable")
    @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem+json naming each field)")
    @ApiResponse(responseCode = "503", description = "Kafka unavailable: retry after the Retry-After header; nothing was taken")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<LeadAccepted>> capture(@RequestBody LeadSubmission submission) {
        var lead = validator.validate(submission);
        return publisher.publish(lead).thenApply(leadId -> {
            meters.counter("leadloop.intake.leads.accepted", "channel", lead.getSource().getChannel()).increment();
            MDC.put("leadId", leadId);
            try {
                return ResponseEntity.status(HttpStatus.ACCEPTED).body(new LeadAccepted(leadId));
            } finally {
                MDC.remove("leadId");
            }
        });
    }

    /** The answer to an accepted lead: its id, to quote in feedback and in every later event. */
    record LeadAccepted(String leadId) {
    }
}
