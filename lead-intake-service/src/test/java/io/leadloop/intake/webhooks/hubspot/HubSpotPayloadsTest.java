package io.leadloop.intake.webhooks.hubspot;

import static io.leadloop.intake.webhooks.SourceSettingsMother.aSource;
import static io.leadloop.intake.webhooks.hubspot.HubSpotFormSubmissionMother.aRealisticFormSubmission;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.webhooks.Payloads;
import io.leadloop.intake.webhooks.WebhookJson;
import tools.jackson.databind.node.ObjectNode;

/** HubSpot's documented webhook batches and v3 form submission, read and mapped. */
class HubSpotPayloadsTest {

    private static HubSpotFormSubmission formSubmission(Object body) {
        return HubSpotFormSubmission.parse(WebhookJson.parse(Payloads.toBytes(body)));
    }

    @Test
    void readsTheDocumentedFormSubmissionAsIs() {
        var form = formSubmission(Payloads.object("hubspot-form-submission.v3-request.json"));

        assertThat(form.fields()).containsEntry("<string>", "<string>");
        assertThat(form.context()).containsEntry("pageUri", "<string>").containsEntry("hutk", "<string>");
        assertThat(form.consent().consentToProcess()).isTrue();
        assertThat(form.consent().communications()).singleElement()
                .satisfies(c -> assertThat(c.subscriptionTypeId()).isEqualTo("123"));
        assertThat(form.consent().legitimateInterest().legalBasis()).isEqualTo("CUSTOMER");
    }

    @Test
    void mapsAFormSubmissionWithItsPageAndConsent() {
        var form = formSubmission(aRealisticFormSubmission("ana@acme.io"));

        var lead = HubSpotMapping.toSubmission(form, aSource("hubspot").build());

        assertThat(lead.email()).isEqualTo("ana@acme.io");
        assertThat(lead.firstName()).isEqualTo("Ana");
        assertThat(lead.lastName()).isEqualTo("Silva");
        assertThat(lead.company().name()).isEqualTo("Acme");
        assertThat(lead.company().employees()).isEqualTo(51);
        assertThat(lead.source().channel()).isEqualTo("hubspot");
        assertThat(lead.source().landingPage()).isEqualTo("https://acme.io/demo?utm_source=google&utm_medium=cpc&gclid=Cj0KCQ");
        assertThat(lead.consent().salesContact()).isTrue();
        assertThat(lead.consent().marketing()).isTrue();
        assertThat(lead.consent().text()).isEqualTo("I agree to allow Acme to store and process my personal data.\n"
                + "I agree to receive marketing communications.");
        assertThat(lead.consent().capturedAt()).isEqualTo(Instant.ofEpochMilli(1767261600000L));
        assertThat(lead.attributes())
                .containsEntry("how_did_you_hear", "podcast")
                .containsEntry("context.pageName", "Demo request")
                .containsEntry("context.hutk", "60c2ccdfe4892f0fa0593940b12c11aa")
                .containsEntry("consent.subscription.123", "true")
                .containsEntry("submittedAt", "1767261600000");
        assertThat(form.deliveryId()).hasValue("60c2ccdfe4892f0fa0593940b12c11aa:1767261600000");
    }

    @Test
    void namesASubmissionByItsConversionIdWhenSent() {
        var body = aRealisticFormSubmission("ana@acme.io").put("conversionId", "2e0fd8a4-6f0e-4a40-a5b3-8d1a1b2c3d4e");

        assertThat(formSubmission(body).deliveryId()).hasValue("2e0fd8a4-6f0e-4a40-a5b3-8d1a1b2c3d4e");
    }

    @Test
    void keepsALegitimateInterestAsAttributesNotAsConsent() {
        ObjectNode body = aRealisticFormSubmission("ana@acme.io");
        ((ObjectNode) body.get("legalConsentOptions")).remove("consent");
        ((ObjectNode) body.get("legalConsentOptions")).putObject("legitimateInterest").put("value", true)
                .put("subscriptionTypeId", 999).put("legalBasis", "LEAD").put("text", "We contact you about your request.");

        var lead = HubSpotMapping.toSubmission(formSubmission(body), aSource("hubspot").build());

        assertThat(lead.consent()).isNull();
        assertThat(lead.attributes()).containsEntry("legitimateInterest.legalBasis", "LEAD")
                .containsEntry("legitimateInterest.subscriptionTypeId", "999");
    }

    @Test
    void keepsTheFullTextOfAConsentTooLongForTheLead() {
        ObjectNode body = aRealisticFormSubmission("ana@acme.io");
        String longText = "I agree. ".repeat(80);
        ((ObjectNode) body.get("legalConsentOptions").get("consent")).put("text", longText);

        var lead = HubSpotMapping.toSubmission(formSubmission(body), aSource("hubspot").build());

        assertThat(lead.consent().text()).hasSize(HubSpotMapping.MAX_CONSENT_TEXT).endsWith("…");
        assertThat(lead.attributes().get("consent.fullText")).startsWith(longText);
    }

    @Test
    void readsTheDocumentedContactCreationBatch() {
        var events = HubSpotEvent.parseBatch(WebhookJson.parse(
                Payloads.bytes("hubspot-webhook-contact-creation.v1-signature-example.json")));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.isAboutAContact()).isTrue();
            assertThat(event.objectId()).isEqualTo("123");
            assertThat(event.deliveryId()).isEqualTo("contact:123:event:1");
            var lead = HubSpotMapping.toSubmission(event, aSource("hubspot").build());
            assertThat(lead.email()).isNull();
            assertThat(lead.phone()).isNull();
            assertThat(lead.attributes()).containsEntry("hubspot.portalId", "62515");
        });
    }

    @Test
    void readsTheDocsBatchAndABareDealEvent() {
        var docs = HubSpotEvent.parseBatch(WebhookJson.parse(Payloads.bytes("hubspot-webhook-batch.docs-example.json")));
        var deal = HubSpotEvent.parseBatch(WebhookJson.parse(Payloads.bytes("hubspot-webhook-deal-stage-change.json")));

        assertThat(docs).singleElement().satisfies(event -> {
            assertThat(event.subscriptionType()).isEqualTo("contact.propertyChange");
            assertThat(event.eventId()).isEqualTo("3816279340");
            assertThat(event.contactProperties()).containsEntry("lifecyclestage", "subscriber");
        });
        assertThat(deal).singleElement().satisfies(event -> {
            assertThat(event.isAboutAContact()).isFalse();
            assertThat(event.objectId()).isEqualTo("697680835");
        });
    }

    @Test
    void mapsTheContactPropertiesAnEventCarries() {
        ObjectNode event = (ObjectNode) Payloads.json().readTree(
                Payloads.bytes("hubspot-webhook-contact-creation.v1-signature-example.json")).get(0);
        ObjectNode properties = event.putObject("properties");
        properties.putObject("email").put("value", "ana@acme.io");
        properties.put("firstname", "Ana");
        properties.put("mobilephone", "+14155550100");

        var lead = HubSpotMapping.toSubmission(HubSpotEvent.parse(event), aSource("hubspot").build());

        assertThat(lead.email()).isEqualTo("ana@acme.io");
        assertThat(lead.firstName()).isEqualTo("Ana");
        assertThat(lead.phone()).isEqualTo("+14155550100");
    }

    @Test
    void knowsContactsInTheGenericObjectEvents() {
        var event = HubSpotEvent.parse((ObjectNode) Payloads.json().readTree(
                "{\"eventId\": 7, \"subscriptionType\": \"object.creation\", \"objectTypeId\": \"0-1\", \"objectId\": 9}"));

        assertThat(event.isAboutAContact()).isTrue();
        assertThat(Optional.of(event.deliveryId())).hasValue("contact:9:event:7");
    }
}
