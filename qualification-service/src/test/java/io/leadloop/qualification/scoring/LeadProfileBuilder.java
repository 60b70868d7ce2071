package io.leadloop.qualification.scoring;

/** Test data for scoring: {@code aLead()} knows nothing, {@code anAcmeVpWhoAskedForADemo()} is the README's lead. */
final class LeadProfileBuilder {

    private String email;
    private String jobTitle;
    private String companyDomain;
    private Integer companyEmployees;
    private String industry;
    private String country;
    private String campaignId;
    private String formId;
    private Integer visits;
    private Integer timeOnSiteSeconds;
    private Integer pageViews;
    private Boolean marketingConsent;
    private Boolean salesContactConsent;

    static LeadProfileBuilder aLead() {
        return new LeadProfileBuilder();
    }

    /** Ana Silva, VP Marketing at Acme (250 people, software, US), back for the 3rd time, asked for a demo. */
    static LeadProfileBuilder anAcmeVpWhoAskedForADemo() {
        return aLead().email("ana.silva@acme.io").jobTitle("VP Marketing")
                .company("acme.io", 250, "software", "US")
                .campaignId("spring-launch").formId("demo-request")
                .engagement(3, 540, 7)
                .marketingConsent(true);
    }

    LeadProfileBuilder email(String email) {
        this.email = email;
        return this;
    }

    LeadProfileBuilder jobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
        return this;
    }

    LeadProfileBuilder company(String domain, Integer employees, String industry, String country) {
        this.companyDomain = domain;
        this.companyEmployees = employees;
        this.industry = industry;
        this.country = country;
        return this;
    }

    LeadProfileBuilder employees(Integer employees) {
        this.companyEmployees = employees;
        return this;
    }

    LeadProfileBuilder campaignId(String campaignId) {
        this.campaignId = campaignId;
        return this;
    }

    LeadProfileBuilder formId(String formId) {
        this.formId = formId;
        return this;
    }

    LeadProfileBuilder engagement(Integer visits, Integer timeOnSiteSeconds, Integer pageViews) {
        this.visits = visits;
        this.timeOnSiteSeconds = timeOnSiteSeconds;
        this.pageViews = pageViews;
        return this;
    }

    LeadProfileBuilder marketingConsent(Boolean consent) {
        this.marketingConsent = consent;
        return this;
    }

    LeadProfileBuilder salesContactConsent(Boolean consent) {
        this.salesContactConsent = consent;
        return this;
    }

    LeadProfile build() {
        return new LeadProfile(email, jobTitle, companyDomain, companyEmployees, industry, country, campaignId, formId,
                visits, timeOnSiteSeconds, pageViews, marketingConsent, salesContactConsent);
    }
}
