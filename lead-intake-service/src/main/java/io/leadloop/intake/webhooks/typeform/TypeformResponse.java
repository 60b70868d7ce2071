package io.leadloop.intake.webhooks.typeform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadloop.intake.webhooks.MalformedPayloadException;
import io.leadloop.intake.webhooks.WebhookJson;
import tools.jackson.databind.JsonNode;

/**
 * A Typeform {@code form_response} event, reduced to what a lead needs: each answer with the field it answers
 * (ref, title and type from the form definition), hidden fields, variables and score.
 *
 * @param eventType {@code form_response} for a completed response
 * @param token the response's unique id: the same on a redelivery of the same response
 */
record TypeformResponse(String eventId, String eventType, String formId, String token, String landedAt,
        String submittedAt, List<Answer> answers, Map<String, String> hidden, Map<String, String> variables,
        String score) {

    static final String FORM_RESPONSE = "form_response";

    /**
     * One answer.
     *
     * @param key the field's {@code ref} (stable, set by the form author), else its id
     * @param fieldId the field's id
     * @param fieldType the question type ({@code email}, {@code legal}, {@code multiple_choice}, ...)
     * @param answerType the answer's type ({@code text}, {@code email}, {@code choice}, ...)
     * @param title the question as the person saw it, when the definition came along
     * @param value the answer as text
     */
    record Answer(String key, String fieldId, String fieldType, String answerType, String title, String value) {
    }

    static TypeformResponse parse(JsonNode body) {
        if (!body.isObject()) {
            throw MalformedPayloadException.unexpected("", "A Typeform webhook body is a JSON object");
        }
        JsonNode response = body.get("form_response");
        if (response == null || !response.isObject()) {
            throw MalformedPayloadException.unexpected("/form_response", "form_response is required");
        }
        String token = WebhookJson.text(response.get("token"));
        if (token == null) {
            throw MalformedPayloadException.unexpected("/form_response/token", "token is required");
        }
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        WebhookJson.elements(response.path("definition").get("fields")).forEach(field -> {
            String id = WebhookJson.text(field.get("id"));
            if (id != null) {
                definitions.put(id, field);
            }
        });
        var answers = WebhookJson.elements(response.get("answers")).stream()
                .map(answer -> answer(answer, definitions))
                .filter(answer -> answer.key() != null && answer.value() != null)
                .toList();
        var hidden = new LinkedHashMap<String, String>();
        JsonNode hiddenFields = response.get("hidden");
        if (hiddenFields != null && hiddenFields.isObject()) {
            hiddenFields.forEachEntry((name, value) -> hidden.put(name, WebhookJson.anyText(value)));
        }
        var variables = new LinkedHashMap<String, String>();
        WebhookJson.elements(response.get("variables")).forEach(variable -> {
            String key = WebhookJson.text(variable.get("key"));
            String type = WebhookJson.text(variable.get("type"));
            if (key != null && type != null) {
                variables.put(key, WebhookJson.anyText(variable.get(type)));
            }
        });
        return new TypeformResponse(WebhookJson.text(body.get("event_id")),
                WebhookJson.text(body.get("event_type")), WebhookJson.text(response.get("form_id")), token,
                WebhookJson.text(response.get("landed_at")), WebhookJson.text(response.get("submitted_at")),
                answers, hidden, variables, WebhookJson.text(response.path("calculated").get("score")));
    }

    boolean isCompleted() {
        return eventType == null || FORM_RESPONSE.equals(eventType);
    }

    private static Answer answer(JsonNode answer, Map<String, JsonNode> definitions) {
        JsonNode field = answer.path("field");
        String id = WebhookJson.text(field.get("id"));
        JsonNode definition = id == null ? null : definitions.get(id);
        String ref = WebhookJson.text(field.get("ref"));
        if (ref == null && definition != null) {
            ref = WebhookJson.text(definition.get("ref"));
        }
        String fieldType = WebhookJson.text(field.get("type"));
        if (fieldType == null && definition != null) {
            fieldType = WebhookJson.text(definition.get("type"));
        }
        String answerType = WebhookJson.text(answer.get("type"));
        return new Answer(ref != null ? ref : id, id, fieldType, answerType,
                definition == null ? null : WebhookJson.text(definition.get("title")), valueOf(answer, answerType));
    }

    /** Every answer type as text; types Typeform adds later fall back to their value under the type's name. */
    static String valueOf(JsonNode answer, String type) {
        if (type == null) {
            return null;
        }
        JsonNode value = answer.get(type);
        return switch (type) {
            case "choice" -> value == null ? null
                    : firstOf(WebhookJson.text(value.get("label")), WebhookJson.text(value.get("other")));
            case "choices" -> value == null ? null : joined(WebhookJson.anyText(value.get("labels")),
                    WebhookJson.text(value.get("other")));
            case "payment" -> value == null ? null : payment(value);
            default -> WebhookJson.anyText(value);
        };
    }

    /** The amount and whether it went through; the card's last digits and holder name are not lead data. */
    private static String payment(JsonNode payment) {
        String amount = WebhookJson.text(payment.get("amount"));
        if (amount == null) {
            return null;
        }
        JsonNode success = payment.get("success");
        return success == null || success.isNull() ? amount : amount + (WebhookJson.flag(success) ? " (paid)" : " (not paid)");
    }

    private static String joined(String labels, String other) {
        if (labels == null) {
            return other;
        }
        return other == null ? labels : labels + ", " + other;
    }

    private static String firstOf(String first, String second) {
        return first != null ? first : second;
    }
}
