package io.leadloop.intake.webhooks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads webhook bodies as JSON trees without losing anything: platform ids are 64-bit (Google's form and campaign
 * ids exceed 2^31, and JavaScript-style double parsing would round them), so numbers are kept exactly as written
 * and turned into text digit for digit.
 */
public final class WebhookJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // The same key twice in a signed payload is either a bug or an attempt to confuse: refuse it.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private WebhookJson() {
    }

    /** The body as a tree; {@link MalformedPayloadException} when it is empty or not JSON. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw MalformedPayloadException.notJson("The body is missing");
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw MalformedPayloadException.notJson("The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A scalar as text: strings as they are, integers digit for digit (never through a double), decimals in plain
     * notation, booleans as {@code true}/{@code false}; null for missing, null or blank values and containers.
     */
    public static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
            return null;
        }
        String text;
        if (node.isIntegralNumber()) {
            text = node.bigIntegerValue().toString();
        } else if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue().stripTrailingZeros();
            text = decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        } else {
            text = node.asString();
        }
        return text == null || text.isBlank() ? null : text;
    }

    /** Any value as text: scalars as {@link #text}, arrays of scalars joined by ", ", objects as compact JSON. */
    public static String anyText(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            var parts = new ArrayList<String>();
            node.forEach(item -> Optional.ofNullable(anyText(item)).ifPresent(parts::add));
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        if (node.isObject()) {
            return node.isEmpty() ? null : JSON.writeValueAsString(node);
        }
        return text(node);
    }

    /** The first top-level property whose name equals {@code name} ignoring case (platforms differ in spelling). */
    public static Optional<JsonNode> propertyIgnoringCase(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return object.propertyStream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(wanted))
                .map(java.util.Map.Entry::getValue)
                .findFirst();
    }

    /** A boolean given as JSON boolean or as text ("true"); false when absent. */
    public static boolean flag(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        return node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(text(node));
    }

    /** The elements of an array, or none when the node is absent or not an array. */
    public static List<JsonNode> elements(JsonNode node) {
        var elements = new ArrayList<JsonNode>();
        if (node != null && node.isArray()) {
            node.forEach(elements::add);
        }
        return elements;
    }
}
