package io.leadloop.qualification.web;

import java.util.Map;

import io.leadloop.qualification.learning.CampaignTally;

/**
 * What qualification learned about a campaign so far.
 *
 * @param outcomes outcome → how often sales reported it, e.g. {@code {"ACCEPTED": 3, "WON": 1}}
 * @param leadsScored distinct leads of the campaign that were scored
 */
record CampaignOutcomesResponse(String campaignId, Map<String, Long> outcomes, long leadsScored) {

    static CampaignOutcomesResponse from(CampaignTally tally) {
        return new CampaignOutcomesResponse(tally.campaignId(), tally.outcomes().counts(), tally.leadsScored());
    }
}
