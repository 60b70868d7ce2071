package io.leadloop.intake.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.sources.SourceSettings;

class FormLeadsTest {

    private static final String REFERER = "https://acme.io/demo?utm_source=google&gclid=Cj0KCQ";

    @Test
    void mapsTheFieldNamesFormsCommonlyUse() {
        var leads = new FormLeads(Map.of("demo", form(Map.of(), "spring-launch")), "_gotcha");
        var fields = fields("Email", "ana@acme.io", "firstname", "Ana", "last_name", "Silva", "company", "Acme",
                "title", "VP Marketing", "country", "DE", "phone", "030 1234567", "utm_campaign", "spring",
                "marketing_consent", "on", "consent_text", "Send me news", "fbclid", "IwAR");

        var lead = leads.toSubmission("demo", form(Map.of(), "spring-launch"), fields, null);

        assertThat(lead.email()).isEqualTo("ana@acme.io");
        assertThat(lead.firstName()).isEqualTo("Ana");
        assertThat(lead.lastName()).isEqualTo("Silva");
        assertThat(lead.jobTitle()).isEqualTo("VP Marketing");
        assertThat(lead.phone()).isEqualTo("030 1234567");
        assertThat(lead.company().name()).isEqualTo("Acme");
        assertThat(lead.company().country()).isEqualTo("DE");
        assertThat(lead.utm().campaign()).isEqualTo("spring");
        assertThat(lead.consent().marketing()).isTrue();
        assertThat(lead.consent().text()).isEqualTo("Send me news");
        assertThat(lead.clickIds()).containsEntry("fbclid", "IwAR");
        assertThat(lead.attributes()).isEmpty();
    }

    @Test
    void splitsAFullNameField() {
        var leads = new FormLeads(Map.of("demo", form(Map.of(), null)), "_gotcha");

        var lead = leads.toSubmission("demo", form(Map.of(), null), fields("name", "Ana Maria Silva"), null);

        assertThat(lead.firstName()).isEqualTo("Ana");
        assertThat(lead.lastName()).isEqualTo("Maria Silva");
    }

    @Test
    void letsTheSourcesConfiguredMappingWinAndKeepsUnmappedFieldsAsAttributes() {
        var settings = form(Map.of("work-mail", "email", "title", "company.industry"), null);
        var leads = new FormLeads(Map.of("demo", settings), "_gotcha");

        var lead = leads.toSubmission("demo", settings,
                fields("work-mail", "ana@acme.io", "title", "software", "budget", "10k-50k"), null);

        assertThat(lead.email()).isEqualTo("ana@acme.io");
        assertThat(lead.jobTitle()).isNull();
        assertThat(lead.company().industry()).isEqualTo("software");
        assertThat(lead.attributes()).containsOnly(Map.entry("budget", "10k-50k"));
    }

    @Test
    void recordsTheSourcesCampaignAndNameWhenTheFormSaysNeither() {
        var leads = new FormLeads(Map.of("demo", form(Map.of(), "spring-launch")), "_gotcha");

        var lead = leads.toSubmission("demo", form(Map.of(), "spring-launch"), fields("email", "ana@acme.io"), null);

        assertThat(lead.source().channel()).isEqualTo("web-form");
        assertThat(lead.source().campaignId()).isEqualTo("spring-launch");
        assertThat(lead.source().formId()).isEqualTo("demo");
    }

    @Test
    void takesTheHiddenLandingPageFieldElseTheReferer() {
        var leads = new FormLeads(Map.of("demo", form(Map.of(), null)), "_gotcha");

        var fromField = leads.toSubmission("demo", form(Map.of(), null),
                fields("email", "ana@acme.io", "landing_page", "https://acme.io/pricing?utm_source=bing"), REFERER);
        var fromReferer = leads.toSubmission("demo", form(Map.of(), null), fields("email", "ana@acme.io"), REFERER);
        var notAPage = leads.toSubmission("demo", form(Map.of(), null), fields("email", "ana@acme.io"),
                "android-app://com.example");

        assertThat(fromField.source().landingPage()).isEqualTo("https://acme.io/pricing?utm_source=bing");
        assertThat(fromReferer.source().landingPage()).isEqualTo(REFERER);
        assertThat(notAPage.source().landingPage()).isNull();
    }

    @Test
    void recognisesAFilledHoneypotAndNeverKeepsItAsAnAttribute() {
        var leads = new FormLeads(Map.of("demo", form(Map.of(), null)), "_gotcha");

        assertThat(leads.isSpam(fields("email", "bot@spam.io", "_gotcha", "http://spam"))).isTrue();
        assertThat(leads.isSpam(fields("email", "ana@acme.io", "_gotcha", ""))).isFalse();
        assertThat(leads.toSubmission("demo", form(Map.of(), null), fields("email", "ana@acme.io", "_gotcha", " "),
                null).attributes()).isEmpty();
    }

    @Test
    void refusesAtStartAFormMappingToAFieldWeDoNotHave() {
        assertThatThrownBy(() -> new FormLeads(Map.of("demo", form(Map.of("shoe", "shoeSize"), null)), "_gotcha"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shoeSize");
    }

    private static Map<String, String> fields(String... namesAndValues) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static SourceSettings form(Map<String, String> mapping, String campaignId) {
        return new SourceSettings("form", true, null, null, null, null, null, mapping, campaignId,
                "https://acme.io/thanks", List.of("https://acme.io"), 50, Duration.ofMinutes(5));
    }
}
