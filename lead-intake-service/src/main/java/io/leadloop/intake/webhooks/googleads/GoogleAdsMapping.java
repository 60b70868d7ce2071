package io.leadloop.intake.webhooks.googleads;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.sources.FieldMapper;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.webhooks.Submissions;

/**
 * Google's lead columns to our lead. Google's standard column ids map by default; a source's
 * {@code fieldMapping} (keyed by column id or by question text) adds custom questions or overrides; every other
 * column is kept as an attribute under its column id.
 */
final class GoogleAdsMapping {

    static final String CHANNEL = "google-ads";

    /**
     * Google's standard columns we have a field for. Location columns (CITY, REGION, COUNTRY, POSTAL_CODE...)
     * stay attributes: Google sends them as typed by the person, and a country name that is not an ISO code
     * would make the whole lead invalid; map COUNTRY to {@code company.country} in configuration if the form
     * asks for a code.
     */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("FULL_NAME", "fullName"),
            Map.entry("FIRST_NAME", "firstName"),
            Map.entry("LAST_NAME", "lastName"),
            Map.entry("EMAIL", "email"),
            Map.entry("WORK_EMAIL", "email"),
            Map.entry("PHONE_NUMBER", "phone"),
            Map.entry("WORK_PHONE", "phone"),
            Map.entry("COMPANY_NAME", "company.name"),
            Map.entry("JOB_TITLE", "jobTitle"));

    private GoogleAdsMapping() {
    }

    static LeadSubmission toSubmission(GoogleAdsLead lead, SourceSettings settings) {
        Set<String> mapped = Stream.concat(DEFAULTS.keySet().stream(), settings.fieldMapping().keySet().stream())
                .map(key -> key.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        var fields = new LinkedHashMap<String, String>();
        for (GoogleAdsLead.Column column : lead.columns()) {
            fields.putIfAbsent(keyOf(column, mapped), column.value());
        }
        LeadSubmission submission = new FieldMapper(DEFAULTS, settings.fieldMapping())
                .toSubmission(fields, CHANNEL, settings.campaignId());
        // Google's campaign counts unless the source is configured to one campaign.
        submission = Submissions.withSource(submission, lead.campaignId(), lead.formId(), null);
        submission = Submissions.withClickId(submission, "gclid", lead.gclId());
        var ids = new LinkedHashMap<String, String>();
        ids.put("adgroup_id", lead.adgroupId());
        ids.put("creative_id", lead.creativeId());
        if (settings.campaignId() != null && lead.campaignId() != null) {
            ids.put("campaign_id", lead.campaignId());
        }
        return Submissions.withAttributes(submission, ids);
    }

    /** A column is known by its id unless only its question text is in the mapping. */
    private static String keyOf(GoogleAdsLead.Column column, Set<String> mapped) {
        boolean idMapped = column.id() != null && mapped.contains(column.id().toLowerCase(Locale.ROOT));
        boolean nameMapped = column.name() != null && mapped.contains(column.name().toLowerCase(Locale.ROOT));
        return !idMapped && nameMapped ? column.name() : column.key();
    }
}
