package io.leadloop.qualification.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.qualification.streams.LeadIdMdc;
import io.leadloop.qualification.streams.QualificationStores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Serves each lead's latest score, read from the stream app's lead-scores store. */
@RestController
@RequestMapping(path = "/api/v1/leads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lead scores", description = "Why a lead is (or is not) qualified")
class LeadScoreController {

    private final QualificationStores stores;

    LeadScoreController(QualificationStores stores) {
        this.stores = stores;
    }

    @GetMapping("/{leadId}/score")
    @Operation(summary = "The lead's latest score, stage, priority and every rule's contribution")
    @ApiResponse(responseCode = "200", description = "The lead was scored")
    @ApiResponse(responseCode = "404", description = "No score for this lead (unknown, or not scored yet)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Scores not queryable right now (starting or rebalancing)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    LeadScoreResponse score(@PathVariable String leadId) {
        return LeadIdMdc.with(leadId, () -> stores.latestScore(leadId)
                .map(LeadScoreResponse::from)
                .orElseThrow(() -> new UnknownLeadException(leadId)));
    }
}
