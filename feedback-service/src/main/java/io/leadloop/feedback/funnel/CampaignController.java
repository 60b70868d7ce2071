package io.leadloop.feedback.funnel;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.feedback.funnel.domain.Dimension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The closed-loop numbers of one campaign, the same for marketing and sales. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Each campaign's funnel, from captured leads to revenue")
class CampaignController {

    private final FunnelQueries funnels;

    CampaignController(FunnelQueries funnels) {
        this.funnels = funnels;
    }

    @GetMapping("/{campaignId}")
    @Operation(summary = "A campaign's funnel: leads per stage and revenue won per currency",
            description = "Leads without a campaign are counted under the campaign id \"(none)\".")
    @ApiResponse(responseCode = "200", description = "The campaign's numbers")
    @ApiResponse(responseCode = "404", description = "No lead of this campaign has been seen (problem+json)")
    CampaignNumbers campaign(@PathVariable String campaignId) {
        return funnels.numbers(Dimension.CAMPAIGN, campaignId, null, null)
                .filter(numbers -> !numbers.withoutAttribution().addsNothing())
                .map(numbers -> CampaignNumbers.of(campaignId, numbers))
                .orElseThrow(() -> new UnknownCampaign(campaignId));
    }
}
