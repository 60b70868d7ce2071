package io.leadloop.intake.webhooks.typeform;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.sources.FieldMapper;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.webhooks.Submissions;

/**
 * A Typeform response to our lead. Answers are known by their field's {@code ref} (else id) and hidden fields by
 * name; the source's {@code fieldMapping} may name either a ref, a field id or a hidden field. Without
 * configuration: the first email answer is the email, the first phone answer the phone, questions titled "first
 * name", "last name", "job title"... fill those fields, hidden {@code utm_*} fields are UTM and ad click ids
 * ({@code gclid}, {@code fbclid}, ...) click ids. Everything else is kept as an attribute.
 */
final class TypeformMapping {

    static final String CHANNEL = "typeform";

    /** Refs and hidden-field names that say what they hold. */
    static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("phone", "phone"), Map.entry("phone_number", "phone"),
            Map.entry("first_name", "firstName"), Map.entry("firstname", "firstName"),
            Map.entry("last_name", "lastName"), Map.entry("lastname", "lastName"),
            Map.entry("name", "fullName"), Map.entry("full_name", "fullName"),
            Map.entry("company", "company.name"), Map.entry("company_name", "company.name"),
            Map.entry("job_title", "jobTitle"), Map.entry("jobtitle", "jobTitle"),
            Map.entry("utm_source", "utm.source"), Map.entry("utm_medium", "utm.medium"),
            Map.entry("utm_campaign", "utm.campaign"), Map.entry("utm_term", "utm.term"),
            Map.entry("utm_content", "utm.content"),
            Map.entry("gclid", "clickIds.gclid"), Map.entry("fbclid", "clickIds.fbclid"),
            Map.entry("li_fat_id", "clickIds.li_fat_id"), Map.entry("msclkid", "clickIds.msclkid"));

    /** Question titles that say what they ask (checked in this order, lower case). */
    static final List<Map.Entry<String, String>> BY_TITLE = List.of(
            Map.entry("first name", "firstName"), Map.entry("last name", "lastName"),
            Map.entry("surname", "lastName"), Map.entry("full name", "fullName"),
            Map.entry("job title", "jobTitle"), Map.entry("company name", "company.name"));

    /** The answer types whose first answer is the lead's email / phone. */
    static final Map<String, String> BY_ANSWER_TYPE = Map.of("email", "email", "phone_number", "phone");

    private TypeformMapping() {
    }

    static LeadSubmission toSubmission(TypeformResponse response, SourceSettings settings) {
        Map<String, String> configured = configured(response, settings.fieldMapping());
        Set<String> configuredTargets = new HashSet<>(configured.values());
        var defaults = new LinkedHashMap<String, String>();
        var fields = new LinkedHashMap<String, String>();
        for (TypeformResponse.Answer answer : response.answers()) {
            String key = answer.key();
            fields.putIfAbsent(key, answer.value());
            defaultFor(answer).filter(field -> !configuredTargets.contains(field) && !defaults.containsValue(field))
                    .ifPresent(field -> defaults.putIfAbsent(lower(key), field));
        }
        response.hidden().forEach((name, value) -> {
            String key = fields.containsKey(name) ? "hidden." + name : name;
            fields.put(key, value);
            String field = BY_NAME.get(lower(name));
            if (field != null && !configuredTargets.contains(field)) {
                defaults.putIfAbsent(lower(key), field);
            }
        });
        LeadSubmission lead = new FieldMapper(defaults, configured).toSubmission(fields, CHANNEL, settings.campaignId());
        lead = Submissions.withSource(lead, null, response.formId(), null);
        lead = Submissions.withConsentDetails(lead, consentText(response, configured, defaults),
                instant(response.submittedAt()));
        var extra = new LinkedHashMap<String, String>();
        extra.put("landed_at", response.landedAt());
        extra.put("submitted_at", response.submittedAt());
        extra.put("calculated.score", response.score());
        response.variables().forEach((key, value) -> extra.put("variables." + key, value));
        return Submissions.withAttributes(lead, extra);
    }

    /** The configured mapping keyed by answer key: entries naming a field id are moved to that answer's ref. */
    private static Map<String, String> configured(TypeformResponse response, Map<String, String> fieldMapping) {
        var byLowerName = new LinkedHashMap<String, String>();
        fieldMapping.forEach((name, field) -> byLowerName.put(lower(name), field));
        var configured = new LinkedHashMap<>(fieldMapping);
        for (TypeformResponse.Answer answer : response.answers()) {
            String byId = answer.fieldId() == null ? null : byLowerName.get(lower(answer.fieldId()));
            if (byId != null && !byLowerName.containsKey(lower(answer.key()))) {
                configured.put(answer.key(), byId);
            }
        }
        return configured;
    }

    private static java.util.Optional<String> defaultFor(TypeformResponse.Answer answer) {
        String byType = BY_ANSWER_TYPE.get(answer.answerType());
        if (byType != null) {
            return java.util.Optional.of(byType);
        }
        String byName = BY_NAME.get(lower(answer.key()));
        if (byName != null) {
            return java.util.Optional.of(byName);
        }
        String title = answer.title() == null ? "" : lower(answer.title());
        return BY_TITLE.stream().filter(entry -> title.contains(entry.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /** The question whose answer became consent is the consent text the person was shown. */
    private static String consentText(TypeformResponse response, Map<String, String> configured,
            Map<String, String> defaults) {
        var mapping = new LinkedHashMap<String, String>();
        defaults.forEach(mapping::put);
        configured.forEach((key, field) -> mapping.put(lower(key), field));
        return response.answers().stream()
                .filter(answer -> {
                    String field = mapping.get(lower(answer.key()));
                    return field != null && (field.equals("consent.marketing") || field.equals("consent.salesContact"));
                })
                .map(TypeformResponse.Answer::title)
                .filter(title -> title != null && !title.isBlank())
                .findFirst().orElse(null);
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException notATimestamp) {
            return null;
        }
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
