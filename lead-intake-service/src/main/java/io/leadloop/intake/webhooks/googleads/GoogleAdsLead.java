package io.leadloop.intake.webhooks.googleads;

import java.util.List;
import java.util.Optional;

import io.leadloop.intake.webhooks.MalformedPayloadException;
import io.leadloop.intake.webhooks.WebhookJson;
import tools.jackson.databind.JsonNode;

/**
 * A Google Ads lead form webhook body ({@code WebhookLead} in Google's schema). Every id is kept as text: the
 * schema declares form, campaign, ad group and creative ids int64, and real ids exceed 2^31.
 *
 * @param googleKey the key the advertiser set on the form, echoed in the body; Google's samples spell it
 *     {@code Google_key} and production {@code google_key}, so it is read ignoring case
 */
record GoogleAdsLead(String leadId, String googleKey, String campaignId, String formId, String gclId,
        String adgroupId, String creativeId, boolean test, List<Column> columns) {

    /**
     * One answer of the form.
     *
     * @param id Google's column id ({@code FULL_NAME}, {@code EMAIL}, ...), populated for every kind of field
     * @param name the human-readable question, not always populated
     */
    record Column(String id, String name, String value) {

        /** How the column is known: its id, else its question. */
        String key() {
            return id != null ? id : name;
        }
    }

    static GoogleAdsLead parse(JsonNode body) {
        if (!body.isObject()) {
            throw MalformedPayloadException.unexpected("", "A Google Ads lead is a JSON object");
        }
        String leadId = WebhookJson.text(body.get("lead_id"));
        if (leadId == null) {
            throw MalformedPayloadException.unexpected("/lead_id", "lead_id is required");
        }
        JsonNode columns = body.get("user_column_data");
        if (columns != null && !columns.isNull() && !columns.isArray()) {
            throw MalformedPayloadException.unexpected("/user_column_data", "user_column_data must be an array");
        }
        var parsed = WebhookJson.elements(columns).stream()
                .map(column -> new Column(WebhookJson.text(column.get("column_id")),
                        WebhookJson.text(column.get("column_name")), WebhookJson.text(column.get("string_value"))))
                .filter(column -> column.key() != null)
                .toList();
        return new GoogleAdsLead(leadId,
                WebhookJson.propertyIgnoringCase(body, "google_key").map(WebhookJson::text).orElse(null),
                WebhookJson.text(body.get("campaign_id")), WebhookJson.text(body.get("form_id")),
                WebhookJson.text(body.get("gcl_id")), WebhookJson.text(body.get("adgroup_id")),
                WebhookJson.text(body.get("creative_id")), WebhookJson.flag(body.get("is_test")), parsed);
    }

    Optional<String> gclid() {
        return Optional.ofNullable(gclId);
    }
}
