package io.leadloop.intake.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadDetails;

class LeadValidatorTest {

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-23T10:00:00Z");
    private final LeadValidator validator = new LeadValidator("US",
            java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));

    private static LeadSubmission aLead(String email, String phone, LeadSubmission.Company company) {
        return new LeadSubmission(email, phone, " Ana ", "Silva", "VP Marketing", company,
                new LeadSubmission.Source("web-form", "spring-launch", "demo-request", "https://acme.io/demo"),
                null, new LeadSubmission.Engagement(3, 540, 7, "Email Opened"),
                new LeadSubmission.Consent(true, null, "Send me news", "privacy-v3", null), Map.of(),
                Map.of("any question", "any answer"), null);
    }

    private static LeadSubmission.Company acme(String country, Integer employees) {
        return new LeadSubmission.Company("Acme", "ACME.io", employees, "software", country);
    }

    @Test
    void normalisesEmailDomainPhoneCountryAndNames() {
        LeadDetails lead = validator.validate(aLead("  Ana.Silva@ACME.IO ", "(415) 555-0100", acme("usa", 250)));

        assertThat(lead.getEmail()).isEqualTo("Ana.Silva@acme.io");
        assertThat(lead.getPhone()).isEqualTo("+14155550100");
        assertThat(lead.getCompany().getCountry()).isEqualTo("US");
        assertThat(lead.getCompany().getDomain()).isEqualTo("acme.io");
        assertThat(lead.getFirstName()).isEqualTo("Ana");
    }

    @Test
    void readsNationalPhoneNumbersInTheCompanysCountry() {
        LeadDetails lead = validator.validate(aLead(null, "030 123456", acme("DE", 10)));

        assertThat(lead.getPhone()).isEqualTo("+4930123456");
    }

    @Test
    void convertsInternationalisedEmailDomainsToAscii() {
        LeadDetails lead = validator.validate(aLead("jose@bücher.de", null, null));

        assertThat(lead.getEmail()).isEqualTo("jose@xn--bcher-kva.de");
    }

    @Test
    void requiresEmailOrPhoneAndNamesBothFields() {
        assertThatThrownBy(() -> validator.validate(aLead(" ", null, null)))
                .isInstanceOfSatisfying(InvalidLeadException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::pointer).containsExactly("/email", "/phone"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> validator.validate(aLead("not-an-email", "12", acme("Atlantis", -5))))
                .isInstanceOfSatisfying(InvalidLeadException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::pointer)
                        .containsExactlyInAnyOrder("/email", "/phone", "/company/country", "/company/employees"));
    }

    @Test
    void keepsUnknownTopLevelFieldsAsAttributes() {
        var unknown = new LinkedHashMap<String, Object>();
        unknown.put("favouriteColour", "teal");
        var submission = new LeadSubmission("a@b.io", null, null, null, null, null, null, null, null, null,
                null, Map.of("budget", "10k"), unknown);

        LeadDetails lead = validator.validate(submission);

        assertThat(lead.getAttributes()).containsEntry("favouriteColour", "teal").containsEntry("budget", "10k");
    }

    @Test
    void defaultsTheChannelToApi() {
        var submission = new LeadSubmission("a@b.io", null, null, null, null, null, null, null, null, null, null,
                null, null);

        assertThat(validator.validate(submission).getSource().getChannel()).isEqualTo("api");
    }

    @Test
    void takesUtmParametersAndClickIdsFromTheLandingPage() {
        var submission = new LeadSubmission("a@acme.io", null, null, null, null, null,
                new LeadSubmission.Source("web-form", null, null,
                        "https://acme.io/demo?utm_source=linkedin&utm_medium=paid&gclid=Cj0KCQ&msclkid=m-1&other=x"),
                new LeadSubmission.Utm(null, "cpc", null, null, null), null, null, Map.of("fbclid", "fb-1"), null, null);

        LeadDetails lead = validator.validate(submission);

        assertThat(lead.getUtm().getSource()).isEqualTo("linkedin");
        assertThat(lead.getUtm().getMedium()).isEqualTo("cpc");
        assertThat(lead.getClickIds()).containsOnly(Map.entry("gclid", "Cj0KCQ"), Map.entry("msclkid", "m-1"),
                Map.entry("fbclid", "fb-1"));
    }

    @Test
    void derivesTheCompanyDomainFromACorporateEmailOnly() {
        var corporate = new LeadSubmission("ana@Globex.com", null, null, null, null, null, null, null, null, null,
                null, null, null);
        var freeMail = new LeadSubmission("ana@gmail.com", null, null, null, null, null, null, null, null, null,
                null, null, null);

        assertThat(validator.validate(corporate).getCompany().getDomain()).isEqualTo("globex.com");
        assertThat(validator.validate(freeMail).getCompany()).isNull();
    }

    @Test
    void recordsConsentPerPurposeWithTextVersionAndTime() {
        LeadDetails lead = validator.validate(aLead("a@acme.io", null, null));

        assertThat(lead.getConsent().getMarketing()).isTrue();
        assertThat(lead.getConsent().getSalesContact()).isNull();
        assertThat(lead.getConsent().getText()).isEqualTo("Send me news");
        assertThat(lead.getConsent().getVersion()).isEqualTo("privacy-v3");
        assertThat(lead.getConsent().getCapturedAt()).isEqualTo(NOW);
    }
}
