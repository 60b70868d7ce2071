package io.leadloop.qualification.streams;

import java.util.Optional;

import io.leadloop.events.Company;
import io.leadloop.events.Consent;
import io.leadloop.events.Engagement;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadSource;
import io.leadloop.qualification.scoring.LeadProfile;

/** Reads what the scoring rules look at out of the event's lead snapshot, where every group is optional. */
final class LeadProfiles {

    private LeadProfiles() {
    }

    static LeadProfile from(LeadDetails lead) {
        Optional<Company> company = Optional.ofNullable(lead.getCompany());
        Optional<LeadSource> source = Optional.ofNullable(lead.getSource());
        Optional<Engagement> engagement = Optional.ofNullable(lead.getEngagement());
        Optional<Consent> consent = Optional.ofNullable(lead.getConsent());
        return new LeadProfile(
                lead.getEmail(),
                lead.getJobTitle(),
                company.map(Company::getDomain).orElse(null),
                company.map(Company::getEmployees).orElse(null),
                company.map(Company::getIndustry).orElse(null),
                company.map(Company::getCountry).orElse(null),
                source.map(LeadSource::getCampaignId).orElse(null),
                source.map(LeadSource::getFormId).orElse(null),
                engagement.map(Engagement::getVisits).orElse(null),
                engagement.map(Engagement::getTimeOnSiteSeconds).orElse(null),
                engagement.map(Engagement::getPageViews).orElse(null),
                consent.map(Consent::getMarketing).orElse(null),
                consent.map(Consent::getSalesContact).orElse(null));
    }

    /** The lead's campaign, or {@code null} when it came without one. */
    static String campaignIdOf(LeadDetails lead) {
        return lead.getSource() == null ? null : lead.getSource().getCampaignId();
    }
}
