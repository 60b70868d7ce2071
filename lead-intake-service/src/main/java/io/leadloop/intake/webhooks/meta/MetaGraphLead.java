package io.leadloop.intake.webhooks.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.leadloop.intake.fetching.FetchedLead;
import io.leadloop.intake.fetching.LeadFetchFailedException;
import io.leadloop.intake.fetching.LeadNotFetchableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lead as Meta's Graph API returns it: {@code {id, created_time, ad_id, form_id, campaign_id,
 * field_data: [{name, values: [...]}]}}. Each field's values are joined with ", " (multiple-choice answers).
 */
final class MetaGraphLead {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Graph API error codes that say "not now" rather than "never": unknown and transient errors, throttling, and
     * expired or invalidated tokens, which Meta reports with HTTP 400 rather than 401.
     */
    private static final Set<Integer> TRANSIENT_GRAPH_ERRORS = Set.of(1, 2, 4, 17, 32, 102, 190, 341, 368, 613,
            80001, 80005);

    private MetaGraphLead() {
    }

    static FetchedLead parse(String json) {
        JsonNode lead;
        try {
            lead = JSON.readTree(json);
        } catch (JacksonException e) {
            // A proxy's HTML error page, a truncated body: worth another try.
            throw new LeadFetchFailedException("Graph API answered something that is not JSON: " + e.getOriginalMessage());
        }
        JsonNode fieldData = lead == null ? null : lead.path("field_data");
        if (fieldData == null || !fieldData.isArray()) {
            throw new LeadNotFetchableException("Graph API lead has no field_data");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode field : fieldData) {
            String name = MetaLeadgenBatch.text(field.path("name"));
            if (name == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode value : field.path("values")) {
                String text = MetaLeadgenBatch.text(value);
                if (text == null && value.isValueNode() && !value.isNull()) {
                    text = value.asString();
                }
                if (text != null && !text.isBlank()) {
                    values.add(text);
                }
            }
            if (!values.isEmpty()) {
                fields.merge(name, String.join(", ", values), (first, second) -> first);
            }
        }
        return new FetchedLead(fields, MetaLeadgenBatch.text(lead.path("campaign_id")),
                MetaLeadgenBatch.text(lead.path("form_id")), false);
    }

    /** Whether a Graph API error body says the failure may pass (token renewal, throttling, transient error). */
    static boolean isTransientError(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            return error.path("is_transient").asBoolean(false)
                    || TRANSIENT_GRAPH_ERRORS.contains(error.path("code").asInt(-1));
        } catch (JacksonException | IllegalArgumentException notJson) {
            return false;
        }
    }
}
