package io.leadloop.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadSource;
import io.leadloop.events.LeadStage;
import io.leadloop.events.Priority;
import io.leadloop.events.SalesOutcome;
import io.leadloop.events.ScoreReason;

/**
 * One lead and the events of its way around the loop, for tests: {@code aLead().inCampaign("spring-launch")}
 * then {@code .captured()}, {@code .scored(LeadStage.MQL)}, {@code .handedOff()}, {@code .won("1200.00", "USD")}.
 * Every lead gets a fresh id.
 */
public final class LeadMother {

    static {
        // Building a LeadScored loads its nested generated classes by name (LearnedProbability): Avro 1.12 refuses
        // them unless trusted. Services trust them in their application class, serdes on first use; a unit test
        // that builds events before either would fail depending on test order.
        io.leadloop.schemas.serde.TrustedAvroPackages.install();
    }

    private final String leadId;
    private String campaignId;
    private int touch = 1;
    private String formId;
    private String repId = "rep-ana";
    private String reason = "not-a-fit";
    private Instant at = Instant.parse("2026-11-23T10:00:00Z");

    private LeadMother(String leadId) {
        this.leadId = leadId;
    }

    public static LeadMother aLead() {
        return new LeadMother("lead-" + UUID.randomUUID());
    }

    public LeadMother inCampaign(String campaignId) {
        this.campaignId = campaignId;
        return this;
    }

    /** Events made after this call are the person's {@code touch}-th submission (captures) . */
    public LeadMother touch(int touch) {
        this.touch = touch;
        return this;
    }

    public LeadMother fromForm(String formId) {
        this.formId = formId;
        return this;
    }

    public LeadMother ownedBy(String repId) {
        this.repId = repId;
        return this;
    }

    /** The reason code rejections made after this call give. */
    public LeadMother rejectedFor(String reason) {
        this.reason = reason;
        return this;
    }

    public LeadMother withoutCampaign() {
        this.campaignId = null;
        return this;
    }

    /** Events made after this call happen at {@code at}. */
    public LeadMother at(Instant at) {
        this.at = at;
        return this;
    }

    public String leadId() {
        return leadId;
    }

    public LeadCaptured captured() {
        return LeadCaptured.newBuilder().setEventId(eventId()).setOccurredAt(at).setLeadId(leadId)
                .setTouch(touch).setLead(details()).build();
    }

    public LeadScored scored(LeadStage stage) {
        return LeadScored.newBuilder().setEventId(eventId()).setOccurredAt(at).setLeadId(leadId)
                .setScore(stage == LeadStage.MQL ? 80 : 20).setStage(stage).setPriority(Priority.WARM)
                .setReasons(List.of(new ScoreReason("fit.job-title.senior", 20, "VP title")))
                .setDefinitionVersion("v1").setLead(details()).build();
    }

    public LeadHandedOff handedOff() {
        return LeadHandedOff.newBuilder().setEventId(eventId()).setOccurredAt(at).setLeadId(leadId)
                .setOwnerRepId(repId).setRoutingReason("round-robin").setSlaDueAt(at.plusSeconds(3600))
                .setScore(80).setPriority(Priority.WARM).setReasons(List.of()).setDefinitionVersion("v1")
                .setLead(details()).build();
    }

    public FeedbackRecorded reported(SalesOutcome outcome) {
        return feedback(outcome, null, null);
    }

    public FeedbackRecorded won(String amount, String currency) {
        return feedback(SalesOutcome.WON, new BigDecimal(amount), currency);
    }

    private FeedbackRecorded feedback(SalesOutcome outcome, BigDecimal amount, String currency) {
        return FeedbackRecorded.newBuilder().setEventId(eventId()).setOccurredAt(at).setLeadId(leadId)
                .setOutcome(outcome).setReason(outcome == SalesOutcome.REJECTED ? reason : null)
                .setAmount(amount).setCurrency(currency).setRepId(repId).setCampaignId(campaignId)
                .setRecordedVia("api").build();
    }

    private LeadDetails details() {
        return LeadDetails.newBuilder().setEmail("ana.silva@acme.io").setFirstName("Ana").setLastName("Silva")
                .setSource(LeadSource.newBuilder().setChannel("web-form").setCampaignId(campaignId).setFormId(formId)
                        .build())
                .build();
    }

    private static String eventId() {
        return UUID.randomUUID().toString();
    }
}
