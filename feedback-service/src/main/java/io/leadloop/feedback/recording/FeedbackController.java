package io.leadloop.feedback.recording;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.feedback.LeadMdc;
import io.leadloop.feedback.access.FeedbackAccess;
import io.leadloop.feedback.recording.domain.FeedbackForm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Where reps and tools say what happened to a lead. */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Feedback", description = "What sales did with a lead")
class FeedbackController {

    private final RecordFeedback recordFeedback;
    private final FeedbackAccess access;

    FeedbackController(RecordFeedback recordFeedback, FeedbackAccess access) {
        this.recordFeedback = recordFeedback;
        this.access = access;
    }

    @PostMapping(path = "/{leadId}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Record an outcome for a lead",
            description = "Answers once the FeedbackRecorded event is durable in Kafka.")
    @ApiResponse(responseCode = "202", description = "Recorded; the event id is returned")
    @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid fields, each named by JSON pointer")
    @ApiResponse(responseCode = "404", description = "The lead has not been captured")
    @ApiResponse(responseCode = "422", description = "The outcome is impossible as reported, e.g. WON without amount")
    @ApiResponse(responseCode = "503", description = "Kafka or the funnel state is not available; retry")
    FeedbackReceipt record(@PathVariable String leadId, @RequestBody FeedbackForm form) {
        try (var ignored = LeadMdc.lead(leadId)) {
            if (!access.mayRecordFor(leadId)) {
                // Another rep's lead answers like an unknown one: a 403 would say that it exists.
                throw new UnknownLead(leadId);
            }
            return recordFeedback.record(leadId, form);
        }
    }
}
