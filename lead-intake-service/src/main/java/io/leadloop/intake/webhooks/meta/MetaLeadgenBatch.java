package io.leadloop.intake.webhooks.meta;

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
 * The leads in one Meta webhook delivery: {@code entry[].changes[]} with {@code field: leadgen} and a
 * {@code value} naming the lead ({@code leadgen_id}, {@code form_id}, {@code page_id}, {@code ad_id},
 * {@code adgroup_id}, {@code created_time}). Meta batches up to 1000 changes and may repeat a lead; a change that
 * is not a lead (another field, no value, no usable id) is skipped and counted, never failing the batch, because
 * an error answer would make Meta resend the whole batch for hours.
 *
 * @param leads the distinct leads, in the order Meta sent them
 * @param duplicates further changes naming a lead already in {@code leads}
 * @param skipped changes that name no lead
 */
record MetaLeadgenBatch(List<Leadgen> leads, int duplicates, int skipped) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Meta ids are decimal 64-bit numbers; kept as strings. */
    private static final Pattern META_ID = Pattern.compile("[0-9]{1,32}");

    /** One notified lead; ids as Meta sent them (strings, even when Meta sent numbers). */
    record Leadgen(String leadgenId, String formId, String pageId, String adId, String adgroupId, String createdTime) {

        LeadNotification toNotification(String source, Instant receivedAt) {
            return new LeadNotification(source, MetaLeadFetcher.PLATFORM, leadgenId, formId,
                    adId != null ? adId : adgroupId, null, receivedAt);
        }
    }

    static MetaLeadgenBatch parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedNotificationException("", "The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedNotificationException("", "The body is not a JSON object");
        }
        JsonNode entries = root.path("entry");
        if (!entries.isArray()) {
            throw new MalformedNotificationException("/entry", "entry must be an array");
        }
        Map<String, Leadgen> leads = new LinkedHashMap<>();
        int duplicates = 0;
        int skipped = 0;
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.path("changes")) {
                Leadgen lead = leadgenOf(change);
                if (lead == null) {
                    skipped++;
                } else if (leads.putIfAbsent(lead.leadgenId(), lead) != null) {
                    duplicates++;
                }
            }
        }
        return new MetaLeadgenBatch(List.copyOf(new ArrayList<>(leads.values())), duplicates, skipped);
    }

    NotificationReceipt receipt() {
        return new NotificationReceipt(leads.size(), duplicates, skipped, 0);
    }

    private static Leadgen leadgenOf(JsonNode change) {
        JsonNode value = change.path("value");
        if (!"leadgen".equals(text(change.path("field"))) || !value.isObject()) {
            return null;
        }
        String leadgenId = text(value.path("leadgen_id"));
        if (leadgenId == null || !META_ID.matcher(leadgenId).matches()) {
            return null;
        }
        return new Leadgen(leadgenId, text(value.path("form_id")), text(value.path("page_id")),
                text(value.path("ad_id")), text(value.path("adgroup_id")), text(value.path("created_time")));
    }

    /** A string or number as text (64-bit ids exactly); null for anything else. */
    static String text(JsonNode node) {
        if (node.isString() || node.isIntegralNumber()) {
            String text = node.asString().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }
}
