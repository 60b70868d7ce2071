package io.leadloop.intake.webhooks.linkedin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.leadloop.intake.fetching.LeadNotification;
import io.leadloop.intake.fetching.MalformedNotificationException;
import io.leadloop.intake.fetching.NotificationReceipt;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leads in one LinkedIn Lead Sync delivery: {@code {type: LEAD_ACTION, leadGenFormResponse: <urn>,
 * leadGenForm, owner, associatedEntity, leadType, leadAction: CREATED | DELETED, occurredAt}} (one object, or an
 * array of them). A DELETED action is acknowledged and counted, never turned into a lead; anything that names no
 * lead response is skipped and counted.
 *
 * @param leads the distinct created lead responses
 * @param duplicates further notifications of a lead already in {@code leads}
 * @param skipped notifications that name no lead response
 * @param deleted notifications that a lead was deleted
 */
record LinkedInLeadNotifications(List<Created> leads, int duplicates, int skipped, int deleted) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RESPONSE_URN = "urn:li:leadGenFormResponse:";
    private static final Pattern RESPONSE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

    /**
     * A created lead response.
     *
     * @param responseId the id of the leadGenFormResponse urn, which is what LinkedIn's API fetches it by
     */
    record Created(String responseId, String form, String creative, String leadType) {

        LeadNotification toNotification(String source, Instant receivedAt) {
            return new LeadNotification(source, LinkedInLeadFetcher.PLATFORM, responseId, form, creative, null,
                    receivedAt);
        }
    }

    static LinkedInLeadNotifications parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedNotificationException("", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new MalformedNotificationException("", "The body is not a JSON object");
        }
        List<JsonNode> notifications = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(notifications::add);
        } else {
            notifications.add(root);
        }
        Map<String, Created> leads = new LinkedHashMap<>();
        int duplicates = 0;
        int skipped = 0;
        int deleted = 0;
        for (JsonNode notification : notifications) {
            String responseId = responseIdOf(notification);
            String action = notification.path("leadAction").isString() ? notification.path("leadAction").asString() : "";
            if (responseId == null) {
                skipped++;
            } else if ("DELETED".equals(action)) {
                deleted++;
            } else if (!"CREATED".equals(action)) {
                skipped++;
            } else if (leads.putIfAbsent(responseId, new Created(responseId, string(notification.path("leadGenForm")),
                    string(notification.path("associatedEntity").path("sponsoredCreative")),
                    string(notification.path("leadType")))) != null) {
                duplicates++;
            }
        }
        return new LinkedInLeadNotifications(List.copyOf(leads.values()), duplicates, skipped, deleted);
    }

    NotificationReceipt receipt() {
        return new NotificationReceipt(leads.size(), duplicates, skipped, deleted);
    }

    private static String responseIdOf(JsonNode notification) {
        String urn = string(notification.path("leadGenFormResponse"));
        if (urn == null || !urn.startsWith(RESPONSE_URN)) {
            return null;
        }
        String id = urn.substring(RESPONSE_URN.length());
        return RESPONSE_ID.matcher(id).matches() && !id.chars().allMatch(c -> c == '.') ? id : null;
    }

    private static String string(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
