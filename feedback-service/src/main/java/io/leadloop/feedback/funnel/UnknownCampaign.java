package io.leadloop.feedback.funnel;

/** No lead of this campaign has been seen. */
public class UnknownCampaign extends RuntimeException {

    private final String campaignId;

    public UnknownCampaign(String campaignId) {
        super("No lead of campaign " + campaignId + " has been seen");
        this.campaignId = campaignId;
    }

    public String campaignId() {
        return campaignId;
    }
}
