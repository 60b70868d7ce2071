package io.leadloop.qualification.learning;

import java.util.Objects;

/**
 * What qualification knows about one campaign: how many of its leads were scored and what sales reported back.
 * A campaign nobody has heard of yet simply has zero of everything.
 *
 * @param campaignId the campaign, or {@link CampaignIds#NONE}
 * @param outcomes outcome counts reported by sales
 * @param leadsScored distinct leads of the campaign that were scored (re-scoring a lead does not count twice)
 */
public record CampaignTally(String campaignId, OutcomeCounts outcomes, long leadsScored) {

    public CampaignTally {
        Objects.requireNonNull(campaignId, "campaignId");
        outcomes = Objects.requireNonNullElse(outcomes, OutcomeCounts.none());
    }
}
