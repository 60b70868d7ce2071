package io.leadloop.qualification.streams;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.leadloop.events.Company;
import io.leadloop.events.Consent;
import io.leadloop.events.Engagement;
import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadSource;
import io.leadloop.events.SalesOutcome;
import io.leadloop.events.Utm;

/** Object mother for the events qualification reads: the README's Acme lead, and sales feedback. */
public final class LeadEvents {

    private LeadEvents() {
    }

    /** Ana Silva, VP Marketing at Acme, who asked for a demo: must come out a HOT MQL (90 points). */
    public static LeadCaptured.Builder anAcmeVpWhoAskedForADemo(String leadId, String campaignId) {
        return LeadCaptured.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setLeadId(leadId)
                .setLead(LeadDetails.newBuilder()
                        .setEmail("ana.silva@acme.io")
                        .setPhone("+14155550100")
                        .setFirstName("Ana").setLastName("Silva").setJobTitle("VP Marketing")
                        .setCompany(Company.newBuilder().setName("Acme").setDomain("acme.io").setEmployees(250)
                                .setIndustry("software").setCountry("US").build())
                        .setSource(LeadSource.newBuilder().setChannel("web-form").setCampaignId(campaignId)
                                .setFormId("demo-request").setLandingPage("https://acme.io/demo").build())
                        .setUtm(Utm.newBuilder().setSource("google").setMedium("cpc").setCampaign(campaignId).build())
                        .setEngagement(Engagement.newBuilder().setVisits(3).setTimeOnSiteSeconds(540).setPageViews(7)
                                .setLastActivity("Email Opened").build())
                        .setConsent(Consent.newBuilder().setMarketing(true).build())
                        .setAttributes(Map.of("any question", "any answer"))
                        .build());
    }

    /** A lead who said no to marketing: must come out DISQUALIFIED. */
    public static LeadCaptured aLeadWithoutConsent(String leadId, String campaignId) {
        LeadCaptured lead = anAcmeVpWhoAskedForADemo(leadId, campaignId).build();
        lead.getLead().setConsent(Consent.newBuilder().setMarketing(false).build());
        return lead;
    }

    public static FeedbackRecorded feedback(String leadId, String campaignId, SalesOutcome outcome) {
        return FeedbackRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setLeadId(leadId)
                .setOutcome(outcome)
                .setCampaignId(campaignId)
                .setRecordedVia("api")
                .build();
    }
}
