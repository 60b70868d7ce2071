package io.leadloop.intake.sources;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.leadloop.intake.lead.LeadSubmission;

/**
 * Turns a platform's flat fields (Google's {@code user_column_data}, Meta's {@code field_data}, Typeform's answers,
 * a form post...) into our lead, by a mapping that is configuration, not code: platform field → our field. Field
 * names are matched case-insensitively. Whatever is not mapped is kept as an attribute under its platform name.
 */
public final class FieldMapper {

    /** Our fields a platform field can map to. {@code fullName} is split into first and last name. */
    public static final Set<String> FIELDS = Set.of("email", "phone", "firstName", "lastName", "fullName", "jobTitle",
            "company.name", "company.domain", "company.employees", "company.industry", "company.country",
            "source.campaignId", "source.formId", "source.landingPage",
            "utm.source", "utm.medium", "utm.campaign", "utm.term", "utm.content",
            "consent.marketing", "consent.salesContact", "consent.text", "consent.version",
            "clickIds.gclid", "clickIds.fbclid", "clickIds.li_fat_id", "clickIds.msclkid");

    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d,.]*)");

    private final Map<String, String> mapping;

    /**
     * @param defaults the adapter's own mapping for the platform's standard fields
     * @param configured the source's configured mapping, which wins over the defaults
     */
    public FieldMapper(Map<String, String> defaults, Map<String, String> configured) {
        var merged = new LinkedHashMap<String, String>();
        defaults.forEach((platform, ours) -> merged.put(platform.toLowerCase(Locale.ROOT), ours));
        configured.forEach((platform, ours) -> merged.put(platform.toLowerCase(Locale.ROOT), ours));
        merged.values().forEach(ours -> {
            if (!FIELDS.contains(ours)) {
                throw new IllegalArgumentException("Unknown lead field '" + ours + "' in a field mapping; known: " + FIELDS);
            }
        });
        this.mapping = Map.copyOf(merged);
    }

    /**
     * The lead these fields describe.
     *
     * @param fields platform field name → value, in the platform's order
     * @param channel our channel name for the source (google-ads, meta-lead-ads, ...)
     * @param campaignId the campaign when no field says one (may be null)
     */
    public LeadSubmission toSubmission(Map<String, String> fields, String channel, String campaignId) {
        var ours = new LinkedHashMap<String, String>();
        var attributes = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String field = mapping.get(name.toLowerCase(Locale.ROOT));
            if (field == null) {
                attributes.put(name, value);
            } else {
                ours.merge(field, value, (first, second) -> first);
            }
        });
        if (ours.containsKey("fullName")) {
            String[] names = ours.remove("fullName").strip().split("\\s+", 2);
            ours.putIfAbsent("firstName", names[0]);
            if (names.length > 1) {
                ours.putIfAbsent("lastName", names[1]);
            }
        }
        return new LeadSubmission(
                ours.get("email"), ours.get("phone"), ours.get("firstName"), ours.get("lastName"), ours.get("jobTitle"),
                anyOf(ours, "company.") ? new LeadSubmission.Company(ours.get("company.name"), ours.get("company.domain"),
                        count(ours.get("company.employees")), ours.get("company.industry"), ours.get("company.country")) : null,
                new LeadSubmission.Source(channel, ours.getOrDefault("source.campaignId", campaignId),
                        ours.get("source.formId"), ours.get("source.landingPage")),
                anyOf(ours, "utm.") ? new LeadSubmission.Utm(ours.get("utm.source"), ours.get("utm.medium"),
                        ours.get("utm.campaign"), ours.get("utm.term"), ours.get("utm.content")) : null,
                null,
                anyOf(ours, "consent.") ? new LeadSubmission.Consent(yes(ours.get("consent.marketing")),
                        yes(ours.get("consent.salesContact")), ours.get("consent.text"), ours.get("consent.version"),
                        (Instant) null) : null,
                clickIds(ours),
                attributes,
                null);
    }

    private static Map<String, String> clickIds(Map<String, String> ours) {
        var clickIds = new LinkedHashMap<String, String>();
        ours.forEach((field, value) -> {
            if (field.startsWith("clickIds.")) {
                clickIds.put(field.substring("clickIds.".length()), value);
            }
        });
        return clickIds;
    }

    private static boolean anyOf(Map<String, String> ours, String prefix) {
        return ours.keySet().stream().anyMatch(field -> field.startsWith(prefix));
    }

    /** Company sizes arrive as "250", "1,000" or a band such as "51-200": the band's lower bound counts. */
    static Integer count(String value) {
        if (value == null) {
            return null;
        }
        Matcher number = FIRST_NUMBER.matcher(value);
        if (!number.find()) {
            return null;
        }
        try {
            return Integer.valueOf(number.group(1).replace(",", "").replace(".", ""));
        } catch (NumberFormatException tooLarge) {
            return Integer.MAX_VALUE;
        }
    }

    /** Checkboxes and consent fields arrive as true/yes/on/1 (any case) or as the consent text itself. */
    static Boolean yes(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "y", "on", "1", "checked", "agree", "agreed", "accepted" -> true;
            case "false", "no", "n", "off", "0", "" -> false;
            default -> true;
        };
    }
}
