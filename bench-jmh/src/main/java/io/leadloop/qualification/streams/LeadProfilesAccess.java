package io.leadloop.qualification.streams;

import io.leadloop.events.LeadDetails;
import io.leadloop.qualification.scoring.LeadProfile;

/**
 * Benchmark-only window on qualification's package-private {@link LeadProfiles} (the event-to-profile step of the
 * scoring topology); lives in this module, not in the service.
 */
public final class LeadProfilesAccess {

    private LeadProfilesAccess() {
    }

    public static LeadProfile from(LeadDetails lead) {
        return LeadProfiles.from(lead);
    }
}
