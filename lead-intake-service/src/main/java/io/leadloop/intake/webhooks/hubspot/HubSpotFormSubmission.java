package io.leadloop.intake.webhooks.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadloop.intake.webhooks.MalformedPayloadException;
import io.leadloop.intake.webhooks.WebhookJson;
import tools.jackson.databind.JsonNode;

/**
 * A form submission in the shape of HubSpot's Forms API v3 ({@code fields: [{name, value}]}, {@code context},
 * {@code legalConsentOptions}): what HubSpot forms, workflows and form tools forward.
 *
 * @param fields property name → value, in order (a repeated name keeps the first value)
 * @param submittedAt epoch milliseconds as sent, if any
 * @param submissionId HubSpot's conversion / submission id when the sender includes one
 * @param context {@code hutk}, {@code pageUri}, {@code pageName}, {@code ipAddress}, ...
 * @param consent the consent options as given, if any
 */
record HubSpotFormSubmission(Map<String, String> fields, String submittedAt, String submissionId,
        Map<String, String> context, LegalConsent consent) {

    /**
     * {@code legalConsentOptions}: consent to process (with its text), consent per subscription type, or a
     * legitimate interest (which is a legal basis, not consent).
     */
    record LegalConsent(Boolean consentToProcess, String text, List<Communication> communications,
            LegitimateInterest legitimateInterest) {
    }

    record Communication(boolean value, String subscriptionTypeId, String text) {
    }

    record LegitimateInterest(boolean value, String subscriptionTypeId, String legalBasis, String text) {
    }

    /** Whether the body is in this shape (an object with a {@code fields} array). */
    static boolean matches(JsonNode body) {
        return body.isObject() && body.has("fields");
    }

    static HubSpotFormSubmission parse(JsonNode body) {
        JsonNode fieldList = body.get("fields");
        if (fieldList == null || !fieldList.isArray()) {
            throw MalformedPayloadException.unexpected("/fields", "fields must be an array of {name, value}");
        }
        var fields = new LinkedHashMap<String, String>();
        List<JsonNode> elements = WebhookJson.elements(fieldList);
        for (int i = 0; i < elements.size(); i++) {
            String name = WebhookJson.text(elements.get(i).get("name"));
            if (name == null) {
                throw MalformedPayloadException.unexpected("/fields/" + i + "/name", "every field needs a name");
            }
            fields.putIfAbsent(name, WebhookJson.anyText(elements.get(i).get("value")));
        }
        var context = new LinkedHashMap<String, String>();
        JsonNode contextNode = body.get("context");
        if (contextNode != null && contextNode.isObject()) {
            contextNode.forEachEntry((name, value) -> context.put(name, WebhookJson.anyText(value)));
        }
        String submissionId = Optional.ofNullable(WebhookJson.text(body.get("conversionId")))
                .orElse(WebhookJson.text(body.get("submissionId")));
        return new HubSpotFormSubmission(fields, WebhookJson.text(body.get("submittedAt")), submissionId, context,
                consent(body.get("legalConsentOptions")));
    }

    /**
     * What names this submission at HubSpot, so a resend is a repeat: its conversion id when sent, else the
     * visitor's tracking cookie with the submission time (one visitor cannot submit twice in the same millisecond);
     * empty when neither, and repeats are then recognised by content.
     */
    Optional<String> deliveryId() {
        if (submissionId != null) {
            return Optional.of(submissionId);
        }
        String hutk = context.get("hutk");
        return hutk != null && submittedAt != null ? Optional.of(hutk + ":" + submittedAt) : Optional.empty();
    }

    private static LegalConsent consent(JsonNode options) {
        if (options == null || !options.isObject()) {
            return null;
        }
        JsonNode consent = options.path("consent");
        var communications = new ArrayList<Communication>();
        WebhookJson.elements(consent.get("communications")).forEach(c -> communications.add(new Communication(
                WebhookJson.flag(c.get("value")), WebhookJson.text(c.get("subscriptionTypeId")),
                WebhookJson.text(c.get("text")))));
        JsonNode interest = options.get("legitimateInterest");
        LegitimateInterest legitimateInterest = interest == null || !interest.isObject() ? null
                : new LegitimateInterest(WebhookJson.flag(interest.get("value")),
                        WebhookJson.text(interest.get("subscriptionTypeId")),
                        WebhookJson.text(interest.get("legalBasis")), WebhookJson.text(interest.get("text")));
        JsonNode toProcess = consent.get("consentToProcess");
        return new LegalConsent(toProcess == null || toProcess.isNull() ? null : WebhookJson.flag(toProcess),
                WebhookJson.text(consent.get("text")), communications, legitimateInterest);
    }
}
