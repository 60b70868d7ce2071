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

    static {
        // Building a LeadScored loads its nested generated classes by name (LearnedProbability): Avro 1.12 refuses
        // them unless trusted. Services trust them in their application class, serdes on first use; a unit test
        // that builds events before either would fail depending on test order.
        io.leadloop.schemas.serde.TrustedAvroPackages.install();
    }

    private String leadId = "lead-" + UUID.randomUUID();
    private String campaignId = "campaign-" + UUID.randomUUID();
    private LeadStage stage = LeadStage.MQL;
    private Priority priority = Priority.HOT;
    private int score = 82;
    private String domain = "acme.io";
    private String country = "US";
    private Integer employees = 250;
    private final Map<String, String> attributes = new java.util.HashMap<>(Map.of("any question", "any answer"));

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

    public ScoredLeadMother fromCompany(String domain, String country, Integer employees) {
        this.domain = domain;
        this.country = country;
        this.employees = employees;
        return this;
    }

    public ScoredLeadMother withAttribute(String name, String value) {
        this.attributes.put(name, value);
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
                        .setEmail("ana.silva@" + (domain == null ? "example.org" : domain))
                        .setFirstName("Ana").setLastName("Silva").setJobTitle("VP Marketing")
                        .setCompany(Company.newBuilder().setName("Acme").setDomain(domain).setEmployees(employees)
                                .setIndustry("software").setCountry(country).build())
                        .setSource(LeadSource.newBuilder().setChannel("web-form").setCampaignId(campaignId).build())
                        .setAttributes(Map.copyOf(attributes))
                        .build())
                .build();
    }
}
