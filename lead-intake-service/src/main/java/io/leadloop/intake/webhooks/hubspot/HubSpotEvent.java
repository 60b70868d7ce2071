package io.leadloop.intake.webhooks.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.leadloop.intake.webhooks.MalformedPayloadException;
import io.leadloop.intake.webhooks.WebhookJson;
import tools.jackson.databind.JsonNode;

/**
 * One event of a HubSpot webhook batch ({@code contact.creation}, {@code contact.propertyChange}, ...). HubSpot's
 * docs label the type {@code eventType}, real deliveries {@code subscriptionType}: both are read. Ids are kept as
 * text.
 *
 * @param properties contact properties, when the sender includes them (HubSpot's own subscriptions send only the
 *     changed property, as {@code propertyName}/{@code propertyValue})
 */
record HubSpotEvent(String eventId, String subscriptionType, String objectTypeId, String objectId, String portalId,
        String propertyName, String propertyValue, String occurredAt, String changeSource,
        Map<String, String> properties) {

    /** Contact events, in the legacy naming and in the generic object naming (contacts are object type 0-1). */
    private static final Set<String> CONTACT_TYPES = Set.of("contact.creation", "contact.propertyChange");
    private static final Set<String> OBJECT_TYPES = Set.of("object.creation", "object.propertyChange");
    private static final String CONTACT_OBJECT_TYPE = "0-1";

    /** Whether the body is a batch (array) of events, or one bare event. */
    static boolean matches(JsonNode body) {
        return body.isArray() || (body.isObject() && (body.has("subscriptionType") || body.has("eventType")));
    }

    static List<HubSpotEvent> parseBatch(JsonNode body) {
        List<JsonNode> events = body.isArray() ? WebhookJson.elements(body) : List.of(body);
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).isObject()) {
                throw MalformedPayloadException.unexpected("/" + i, "every event of a batch is a JSON object");
            }
        }
        return events.stream().map(HubSpotEvent::parse).toList();
    }

    static HubSpotEvent parse(JsonNode event) {
        var properties = new LinkedHashMap<String, String>();
        JsonNode given = event.get("properties");
        if (given != null && given.isObject()) {
            // Either {"email": "x"} or HubSpot's contact shape {"email": {"value": "x", ...}}.
            given.forEachEntry((name, value) -> properties.put(name,
                    value.isObject() ? WebhookJson.text(value.get("value")) : WebhookJson.anyText(value)));
        }
        return new HubSpotEvent(WebhookJson.text(event.get("eventId")),
                Optional.ofNullable(WebhookJson.text(event.get("subscriptionType")))
                        .orElse(WebhookJson.text(event.get("eventType"))),
                WebhookJson.text(event.get("objectTypeId")), WebhookJson.text(event.get("objectId")),
                WebhookJson.text(event.get("portalId")), WebhookJson.text(event.get("propertyName")),
                WebhookJson.text(event.get("propertyValue")), WebhookJson.text(event.get("occurredAt")),
                WebhookJson.text(event.get("changeSource")), properties);
    }

    boolean isAboutAContact() {
        return CONTACT_TYPES.contains(subscriptionType)
                || (OBJECT_TYPES.contains(subscriptionType) && CONTACT_OBJECT_TYPE.equals(objectTypeId));
    }

    /** The contact's properties this event carries: those sent along, and the changed one. */
    Map<String, String> contactProperties() {
        var fields = new LinkedHashMap<>(properties);
        if (propertyName != null) {
            fields.putIfAbsent(propertyName, propertyValue);
        }
        return fields;
    }

    /**
     * Names this event so that HubSpot's retry of it is a repeat: the contact and the event id (HubSpot retries
     * keep the event id); without an event id, the contact, type and time.
     */
    String deliveryId() {
        return "contact:" + objectId + ":" + (eventId != null ? "event:" + eventId : subscriptionType + ":" + occurredAt);
    }
}
