package io.leadloop.intake.webhooks.googleads;

import static io.leadloop.intake.webhooks.SourceSettingsMother.aSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.lead.LeadValidator;
import io.leadloop.intake.sources.UnauthenticDeliveryException;
import io.leadloop.intake.webhooks.MalformedPayloadException;
import io.leadloop.intake.webhooks.Payloads;
import io.leadloop.intake.webhooks.WebhookJson;
import tools.jackson.databind.node.ObjectNode;

/** Google's documented lead bodies: parsed, mapped and authenticated. */
class GoogleAdsLeadTest {

    private static final String SAMPLE_KEY = "xfdgdgsgfchgvhgfchg";

    private static GoogleAdsLead sample() {
        return GoogleAdsLead.parse(WebhookJson.parse(Payloads.bytes("google-ads-lead.json")));
    }

    @Test
    void readsTheDocumentedSampleIncludingItsCapitalisedKey() {
        GoogleAdsLead lead = sample();

        assertThat(lead.leadId()).isEqualTo("CKbai8W4xN4CFcoFrwkdyHEByw");
        assertThat(lead.googleKey()).isEqualTo(SAMPLE_KEY);
        assertThat(lead.campaignId()).isEqualTo("123456");
        assertThat(lead.formId()).isEqualTo("1234");
        assertThat(lead.gclId()).isEqualTo("CKbai8W4xN4CFcoFrwkdyHEByw");
        assertThat(lead.test()).isTrue();
        assertThat(lead.columns()).extracting(GoogleAdsLead.Column::id)
                .containsExactly("FULL_NAME", "EMAIL", "PHONE_NUMBER", "POSTAL_CODE");
    }

    @Test
    void readsTheSameLeadInsideTheFreshworksEnvelope() {
        var envelope = WebhookJson.parse(Payloads.bytes("google-ads-lead.freshworks-onExternalEvent.json"));

        assertThat(GoogleAdsLead.parse(envelope.get("data"))).isEqualTo(sample());
    }

    @Test
    void mapsStandardColumnsAndKeepsTheOthersAsAttributes() {
        var lead = GoogleAdsMapping.toSubmission(sample(), aSource("google-ads").build());

        assertThat(lead.firstName()).isEqualTo("John");
        assertThat(lead.email()).isEqualTo("abc@xyz.com");
        assertThat(lead.phone()).isEqualTo("+11234567890");
        assertThat(lead.source().channel()).isEqualTo("google-ads");
        assertThat(lead.source().campaignId()).isEqualTo("123456");
        assertThat(lead.source().formId()).isEqualTo("1234");
        assertThat(lead.clickIds()).containsExactly(Map.entry("gclid", "CKbai8W4xN4CFcoFrwkdyHEByw"));
        assertThat(lead.attributes()).containsExactly(Map.entry("POSTAL_CODE", "94043"));
    }

    @Test
    void producesALeadOurRulesAccept() {
        var lead = GoogleAdsMapping.toSubmission(sample(), aSource("google-ads").build());

        var details = new LeadValidator("US", Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .validate(lead);

        assertThat(details.getPhone()).isEqualTo("+11234567890");
        assertThat(details.getClickIds()).containsEntry("gclid", "CKbai8W4xN4CFcoFrwkdyHEByw");
    }

    @Test
    void keepsIdsBeyondThirtyTwoBitsExactly() {
        ObjectNode body = Payloads.object("google-ads-lead.json");
        body.put("form_id", 349080077126L);
        body.put("campaign_id", 9_007_199_254_740_993L); // 2^53 + 1: a double would round it
        body.put("adgroup_id", 158_233_040_102L);
        body.put("creative_id", 676_598_393_405L);

        var lead = GoogleAdsLead.parse(WebhookJson.parse(Payloads.toBytes(body)));
        var mapped = GoogleAdsMapping.toSubmission(lead, aSource("google-ads").build());

        assertThat(mapped.source().formId()).isEqualTo("349080077126");
        assertThat(mapped.source().campaignId()).isEqualTo("9007199254740993");
        assertThat(mapped.attributes()).containsEntry("adgroup_id", "158233040102")
                .containsEntry("creative_id", "676598393405");
    }

    @Test
    void recordsTheConfiguredCampaignAndKeepsGooglesAsAnAttribute() {
        var lead = GoogleAdsMapping.toSubmission(sample(), aSource("google-ads").forCampaign("spring-launch").build());

        assertThat(lead.source().campaignId()).isEqualTo("spring-launch");
        assertThat(lead.attributes()).containsEntry("campaign_id", "123456");
    }

    @Test
    void mapsCustomQuestionsByIdOrQuestionTextAsConfigured() {
        ObjectNode body = Payloads.object("google-ads-lead.json");
        var columns = body.withArray("user_column_data");
        columns.addObject().put("column_name", "How many employees does your company have?")
                .put("column_id", "CUSTOM_1").put("string_value", "51-200");
        columns.addObject().put("column_id", "COMPANY_NAME").put("string_value", "Acme");
        columns.addObject().put("column_id", "CITY").put("string_value", "Mountain View");
        var settings = aSource("google-ads")
                .mapping("How many employees does your company have?", "company.employees")
                .mapping("POSTAL_CODE", "company.industry") // odd, but configuration wins over the default
                .build();

        var lead = GoogleAdsMapping.toSubmission(GoogleAdsLead.parse(WebhookJson.parse(Payloads.toBytes(body))),
                settings);

        assertThat(lead.company().employees()).isEqualTo(51);
        assertThat(lead.company().name()).isEqualTo("Acme");
        assertThat(lead.company().industry()).isEqualTo("94043");
        assertThat(lead.attributes()).containsOnly(Map.entry("CITY", "Mountain View"));
    }

    @Test
    void acceptsTheCurrentOrThePreviousKey() {
        var sample = sample(); // outside the lambdas: a missing payload must skip the test, not fail it
        assertThatCode(() -> GoogleAdsWebhook.authenticate(sample, List.of(SAMPLE_KEY))).doesNotThrowAnyException();
        assertThatCode(() -> GoogleAdsWebhook.authenticate(sample, List.of("new-key", SAMPLE_KEY)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAWrongKey() {
        var sample = sample();
        assertThatThrownBy(() -> GoogleAdsWebhook.authenticate(sample, List.of("another-key")))
                .isInstanceOf(UnauthenticDeliveryException.class).hasMessageContaining("google_key")
                .hasMessageNotContaining("another-key");
    }

    @Test
    void refusesEverythingWhenNoKeyIsConfigured() {
        var sample = sample();
        assertThatThrownBy(() -> GoogleAdsWebhook.authenticate(sample, List.of()))
                .isInstanceOf(UnauthenticDeliveryException.class);
    }

    @Test
    void refusesTheEarlyBetaTestLeadWithAnEmptyKey() {
        var lead = GoogleAdsLead.parse(WebhookJson.parse(Payloads.bytes("google-ads-lead.formtools-issue643-test-2019.json")));

        assertThat(lead.formId()).isEqualTo("2");
        assertThat(lead.columns()).isEmpty();
        assertThatThrownBy(() -> GoogleAdsWebhook.authenticate(lead, List.of(SAMPLE_KEY)))
                .isInstanceOf(UnauthenticDeliveryException.class).hasMessageContaining("missing");
    }

    @Test
    void refusesALeadWithoutLeadId() {
        ObjectNode body = Payloads.object("google-ads-lead.json");
        body.remove("lead_id");

        assertThatThrownBy(() -> GoogleAdsLead.parse(WebhookJson.parse(Payloads.toBytes(body))))
                .isInstanceOfSatisfying(MalformedPayloadException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/lead_id"));
    }
}
