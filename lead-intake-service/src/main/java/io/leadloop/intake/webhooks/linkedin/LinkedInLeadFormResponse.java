package io.leadloop.intake.webhooks.linkedin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadloop.intake.fetching.FetchedLead;
import io.leadloop.intake.fetching.LeadFetchFailedException;
import io.leadloop.intake.fetching.LeadNotFetchableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lead as LinkedIn's {@code GET /rest/leadFormResponses/{id}} returns it. Answers carry only a question id, so
 * the fields are keyed by it ({@code "20502584796"}) and a source maps them in its fieldMapping; multiple-choice
 * answers are their option ids joined with ", "; consents become {@code consent:<consentId>} = true/false, so a
 * mapping can point them at {@code consent.marketing}. {@code testLead} marks the lead a test.
 */
final class LinkedInLeadFormResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LinkedInLeadFormResponse() {
    }

    static FetchedLead parse(String json) {
        JsonNode response;
        try {
            response = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new LeadFetchFailedException("LinkedIn answered something that is not JSON: " + e.getOriginalMessage());
        }
        if (response == null || !response.path("formResponse").isObject()) {
            throw new LeadNotFetchableException("LinkedIn lead form response has no formResponse");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode answer : response.path("formResponse").path("answers")) {
            String questionId = idOf(answer.path("questionId"));
            String value = answerOf(answer.path("answerDetails"));
            if (questionId != null && value != null) {
                fields.putIfAbsent(questionId, value);
            }
        }
        for (JsonNode consent : response.path("formResponse").path("consentResponses")) {
            String consentId = idOf(consent.path("consentId"));
            if (consentId != null && consent.path("accepted").isBoolean()) {
                fields.putIfAbsent("consent:" + consentId, Boolean.toString(consent.path("accepted").asBoolean()));
            }
        }
        JsonNode campaign = response.path("leadMetadata").path("sponsoredLeadMetadata").path("campaign");
        return new FetchedLead(fields, campaign.isString() ? campaign.asString() : null,
                response.path("versionedLeadGenFormUrn").isString() ? response.path("versionedLeadGenFormUrn").asString()
                        : null,
                response.path("testLead").asBoolean(false));
    }

    private static String answerOf(JsonNode details) {
        JsonNode text = details.path("textQuestionAnswer").path("answer");
        if (text.isString()) {
            return text.asString();
        }
        JsonNode options = details.path("multipleChoiceAnswer").path("options");
        if (options.isArray()) {
            List<String> chosen = new ArrayList<>();
            options.forEach(option -> {
                String id = idOf(option);
                if (id != null) {
                    chosen.add(id);
                }
            });
            return chosen.isEmpty() ? null : String.join(", ", chosen);
        }
        return null;
    }

    private static String idOf(JsonNode node) {
        return node.isString() || node.isIntegralNumber() ? node.asString() : null;
    }
}
