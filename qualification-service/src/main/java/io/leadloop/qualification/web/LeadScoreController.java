package io.leadloop.qualification.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import io.leadloop.qualification.streams.LeadIdMdc;
import io.leadloop.qualification.streams.QualificationStores;
import io.leadloop.qualification.streams.QualificationTopology;
import io.leadloop.qualification.streams.StreamsInstances;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Serves each lead's latest score, read from the stream app's lead-scores store — on whichever instance is asked:
 * a lead whose partition another instance owns is asked of that instance, and its answer passed on as it is.
 */
@RestController
@RequestMapping(path = "/api/v1/leads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lead scores", description = "Why a lead is (or is not) qualified")
class LeadScoreController {

    private final QualificationStores stores;
    private final StreamsInstances instances;

    LeadScoreController(QualificationStores stores, StreamsInstances instances) {
        this.stores = stores;
        this.instances = instances;
    }

    @GetMapping("/{leadId}/score")
    @Operation(summary = "The lead's latest score, stage, priority and every rule's contribution")
    @ApiResponse(responseCode = "200", description = "The lead was scored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = LeadScoreResponse.class)))
    @ApiResponse(responseCode = "404", description = "No score for this lead (unknown, or not scored yet)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Scores not queryable right now (starting or rebalancing)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> score(@PathVariable String leadId,
            @RequestHeader(name = StreamsInstances.FORWARDED_HEADER, required = false) String forwarded) {
        return LeadIdMdc.with(leadId, () -> {
            if (forwarded == null) {
                Optional<URI> owner = instances.remoteOwnerOf(QualificationTopology.LEAD_SCORES_STORE, leadId);
                if (owner.isPresent()) {
                    StreamsInstances.Reply reply = instances.get(owner.get(),
                            "api/v1/leads/" + UriUtils.encodePathSegment(leadId, StandardCharsets.UTF_8) + "/score",
                            MediaType.APPLICATION_JSON_VALUE);
                    return ResponseEntity.status(reply.status()).contentType(MediaType.parseMediaType(reply.contentType()))
                            .body(reply.body());
                }
            }
            return ResponseEntity.ok(stores.latestScore(leadId)
                    .map(LeadScoreResponse::from)
                    .orElseThrow(() -> new UnknownLeadException(leadId)));
        });
    }
}
