package io.leadloop.intake.fetching;

import java.util.Map;

/**
 * A lead as the platform's API returned it, flattened to field name → value, before our field mapping.
 *
 * @param fields platform field (Meta's field_data name, LinkedIn's question id) → answer, in the platform's order
 * @param campaignId the platform's campaign, if its API says one
 * @param formId the platform's form, if its API says one
 * @param test the platform marked it a test lead (LinkedIn's {@code testLead})
 */
public record FetchedLead(Map<String, String> fields, String campaignId, String formId, boolean test) {

    public FetchedLead {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
