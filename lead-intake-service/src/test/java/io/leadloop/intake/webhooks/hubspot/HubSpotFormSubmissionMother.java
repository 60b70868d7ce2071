package io.leadloop.intake.webhooks.hubspot;

import io.leadloop.intake.webhooks.Payloads;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** HubSpot's documented v3 form submission, with realistic values where the docs have "<string>" placeholders. */
public final class HubSpotFormSubmissionMother {

    private HubSpotFormSubmissionMother() {
    }

    /** A submission by {@code email}, on a landing page with UTM parameters and a gclid, with consent given. */
    public static ObjectNode aRealisticFormSubmission(String email) {
        ObjectNode body = Payloads.object("hubspot-form-submission.v3-request.json");
        ArrayNode fields = body.putArray("fields");
        fields.addObject().put("objectTypeId", "0-1").put("name", "email").put("value", email);
        fields.addObject().put("objectTypeId", "0-1").put("name", "firstname").put("value", "Ana");
        fields.addObject().put("objectTypeId", "0-1").put("name", "lastname").put("value", "Silva");
        fields.addObject().put("objectTypeId", "0-1").put("name", "company").put("value", "Acme");
        fields.addObject().put("objectTypeId", "0-1").put("name", "numemployees").put("value", "51-200");
        fields.addObject().put("objectTypeId", "0-1").put("name", "how_did_you_hear").put("value", "podcast");
        body.put("submittedAt", "1767261600000");
        ObjectNode context = (ObjectNode) body.get("context");
        context.put("hutk", "60c2ccdfe4892f0fa0593940b12c11aa");
        context.put("ipAddress", "192.0.2.10");
        context.put("pageName", "Demo request");
        context.put("pageUri", "https://acme.io/demo?utm_source=google&utm_medium=cpc&gclid=Cj0KCQ");
        context.put("pageId", "12345");
        context.remove("sfdcCampaignId");
        context.remove("goToWebinarWebinarKey");
        ObjectNode consent = (ObjectNode) body.get("legalConsentOptions").get("consent");
        consent.put("text", "I agree to allow Acme to store and process my personal data.");
        ((ObjectNode) consent.get("communications").get(0)).put("text", "I agree to receive marketing communications.");
        ((ObjectNode) body.get("legalConsentOptions")).remove("legitimateInterest");
        return body;
    }
}
