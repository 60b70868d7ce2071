package io.leadloop.intake.forms;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.sources.FieldMapper;
import io.leadloop.intake.sources.SourceSettings;

/**
 * An HTML form post as a lead: the fields mapped by {@link FormFieldDefaults} plus the source's
 * {@code fieldMapping}, the source's campaign when the form names none, the source's name as form id, and the page
 * the form was on (a hidden {@code landing_page} field, else the Referer) as landing page, where UTM parameters and
 * click ids are found. Plain Java: built once per configured form source, so a mapping to a field we do not have
 * stops the service at start, not a lead at run time.
 */
final class FormLeads {

    static final String TYPE = "form";
    static final String CHANNEL = "web-form";

    private final String honeypotField;
    private final Map<String, FieldMapper> mappers = new HashMap<>();

    FormLeads(Map<String, SourceSettings> sources, String honeypotField) {
        this.honeypotField = honeypotField;
        sources.forEach((name, settings) -> {
            if (TYPE.equals(settings.type())) {
                mappers.put(name, new FieldMapper(FormFieldDefaults.MAPPING, settings.fieldMapping()));
            }
        });
    }

    /** Whether a bot filled in the field people cannot see. */
    boolean isSpam(Map<String, String> fields) {
        return fields.entrySet().stream().anyMatch(field -> field.getKey().equalsIgnoreCase(honeypotField)
                && field.getValue() != null && !field.getValue().isBlank());
    }

    /**
     * @param source the form source's name (also the form id when the form sends none)
     * @param fields the posted fields, one value each (several values of one field joined by ", ")
     * @param referer the page that posted, if the browser said
     */
    LeadSubmission toSubmission(String source, SourceSettings settings, Map<String, String> fields, String referer) {
        var posted = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> {
            if (!name.equalsIgnoreCase(honeypotField)) {
                posted.put(name, value);
            }
        });
        FieldMapper mapper = mappers.get(source);
        if (mapper == null) {
            throw new IllegalStateException("No form source named '" + source + "' was configured at start");
        }
        LeadSubmission lead = mapper.toSubmission(posted, CHANNEL, settings.campaignId());
        var given = lead.source();
        var withDefaults = new LeadSubmission.Source(given.channel(), given.campaignId(),
                given.formId() == null ? source : given.formId(),
                given.landingPage() == null ? pageUrl(referer) : given.landingPage());
        return new LeadSubmission(lead.email(), lead.phone(), lead.firstName(), lead.lastName(), lead.jobTitle(),
                lead.company(), withDefaults, lead.utm(), lead.engagement(), lead.consent(), lead.clickIds(),
                lead.attributes(), null);
    }

    /** A Referer is a landing page only when it is an absolute http(s) URL. */
    private static String pageUrl(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(referer.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return List.of("http", "https").contains(scheme) && uri.getHost() != null ? uri.toString() : null;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }
}
