package io.leadloop.qualification.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.qualification.learning.CampaignIds;
import io.leadloop.qualification.streams.QualificationStores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Serves what sales reported per campaign, and how many of its leads were scored: the seed of learning. */
@RestController
@RequestMapping(path = "/api/v1/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Campaign outcomes", description = "Sales outcomes counted per campaign")
class CampaignOutcomesController {

    private final QualificationStores stores;

    CampaignOutcomesController(QualificationStores stores) {
        this.stores = stores;
    }

    @GetMapping("/{campaignId}/outcomes")
    @Operation(summary = "Outcome counts and scored leads of a campaign; all zeros for a campaign not seen yet")
    @ApiResponse(responseCode = "200", description = "The campaign's counts")
    @ApiResponse(responseCode = "503", description = "Counts not queryable right now (starting or rebalancing)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    CampaignOutcomesResponse outcomes(
            @Parameter(description = "The campaign id; " + CampaignIds.NONE + " for leads that came without one")
            @PathVariable String campaignId) {
        return CampaignOutcomesResponse.from(stores.campaignTally(campaignId));
    }
}
