package io.leadloop.schemas.serde;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.leadloop.events.Company;
import io.leadloop.events.Consent;
import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadSource;
import io.leadloop.events.SalesOutcome;

/** Object mother for the events the serde tests write and read. */
final class LeadEvents {

    private LeadEvents() {
    }

    static LeadCaptured aLeadCaptured() {
        return LeadCaptured.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setLeadId(UUID.randomUUID().toString())
                .setLead(LeadDetails.newBuilder()
                        .setEmail("ana.silva@acme.io")
                        .setPhone("+14155550100")
                        .setFirstName("Ana").setLastName("Silva").setJobTitle("VP Marketing")
                        .setCompany(Company.newBuilder().setName("Acme").setDomain("acme.io").setEmployees(250)
                                .setIndustry("software").setCountry("US").build())
                        .setSource(LeadSource.newBuilder().setChannel("web-form").setCampaignId("spring-launch")
                                .setFormId("demo-request").setLandingPage("https://acme.io/demo").build())
                        .setConsent(Consent.newBuilder().setMarketing(true).build())
                        .setAttributes(Map.of("any question", "any answer"))
                        .build())
                .build();
    }

    static FeedbackRecorded aWin(String leadId, String amount) {
        return FeedbackRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setLeadId(leadId)
                .setOutcome(SalesOutcome.WON)
                .setAmount(new BigDecimal(amount))
                .setCurrency("USD")
                .setRecordedVia("api")
                .build();
    }
}
