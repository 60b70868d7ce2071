package io.leadloop.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.leadloop.events.Company;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadSource;
import io.leadloop.events.LeadStage;
import io.leadloop.events.Priority;
import io.leadloop.events.ScoreReason;

/** Test data: {@code aScoredLead().mql().hot().build()}, with a fresh lead id unless one is given. */
public final class ScoredLeadMother {

    private String leadId = "lead-" + UUID.randomUUID();
    private String campaignId = "campaign-" + UUID.randomUUID();
    private LeadStage stage = LeadStage.MQL;
    private Priority priority = Priority.HOT;
    private int score = 82;

    private ScoredLeadMother() {
    }

    public static ScoredLeadMother aScoredLead() {
        return new ScoredLeadMother();
    }

    public ScoredLeadMother withLeadId(String leadId) {
        this.leadId = leadId;
        return this;
    }

    public ScoredLeadMother mql() {
        this.stage = LeadStage.MQL;
        return this;
    }

    public ScoredLeadMother notQualified() {
        this.stage = LeadStage.NOT_QUALIFIED;
        this.score = 20;
        return this;
    }

    public ScoredLeadMother hot() {
        this.priority = Priority.HOT;
        return this;
    }

    public ScoredLeadMother warm() {
        this.priority = Priority.WARM;
        return this;
    }

    public ScoredLeadMother cold() {
        this.priority = Priority.COLD;
        return this;
    }

    public LeadScored build() {
        return LeadScored.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2026-03-02T08:59:00Z"))
                .setLeadId(leadId)
                .setScore(score)
                .setStage(stage)
                .setPriority(priority)
                .setReasons(List.of(new ScoreReason("fit.job-title.senior", 30, "VP Marketing is a senior title")))
                .setDefinitionVersion("default-v1")
                .setLead(LeadDetails.newBuilder()
                        .setEmail("ana.silva@acme.io")
                        .setFirstName("Ana").setLastName("Silva").setJobTitle("VP Marketing")
                        .setCompany(Company.newBuilder().setName("Acme").setDomain("acme.io").setEmployees(250)
                                .setIndustry("software").setCountry("US").build())
                        .setSource(LeadSource.newBuilder().setChannel("web-form").setCampaignId(campaignId).build())
                        .setAttributes(Map.of("any question", "any answer"))
                        .build())
                .build();
    }
}
