package io.leadloop.qualification.learning;

/**
 * Leads and outcomes are counted per campaign; those that came without one are counted together under
 * {@value #NONE}, so no lead goes missing from the totals.
 */
public final class CampaignIds {

    /** The campaign id of leads that came without one (URL-safe as it is). */
    public static final String NONE = "(none)";

    private CampaignIds() {
    }

    public static String orNone(String campaignId) {
        return campaignId == null || campaignId.isBlank() ? NONE : campaignId;
    }
}
