package io.leadloop.intake.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.lead.LeadSubmission.Consent;
import io.leadloop.intake.lead.LeadSubmission.Source;

/**
 * Completes a mapped lead with what a platform says outside its fields (form id, click id, landing page, consent
 * time...). Each method only fills what the field mapping left empty, so configuration always wins.
 */
public final class Submissions {

    private Submissions() {
    }

    /** Fills the source's campaign, form and landing page where the mapping gave none. */
    public static LeadSubmission withSource(LeadSubmission lead, String campaignId, String formId, String landingPage) {
        Source given = lead.source() == null ? new Source(null, null, null, null) : lead.source();
        var source = new Source(given.channel(), firstOf(given.campaignId(), campaignId),
                firstOf(given.formId(), formId), firstOf(given.landingPage(), landingPage));
        return new LeadSubmission(lead.email(), lead.phone(), lead.firstName(), lead.lastName(), lead.jobTitle(),
                lead.company(), source, lead.utm(), lead.engagement(), lead.consent(), lead.clickIds(),
                lead.attributes(), lead.unknownFields());
    }

    /** Adds a click id unless the mapping already gave one of that name. */
    public static LeadSubmission withClickId(LeadSubmission lead, String name, String value) {
        if (value == null || value.isBlank() || lead.clickIds().containsKey(name)) {
            return lead;
        }
        var clickIds = new LinkedHashMap<>(lead.clickIds());
        clickIds.put(name, value);
        return new LeadSubmission(lead.email(), lead.phone(), lead.firstName(), lead.lastName(), lead.jobTitle(),
                lead.company(), lead.source(), lead.utm(), lead.engagement(), lead.consent(), clickIds,
                lead.attributes(), lead.unknownFields());
    }

    /** Adds attributes (blank values skipped) without replacing any the mapping already kept. */
    public static LeadSubmission withAttributes(LeadSubmission lead, Map<String, String> extra) {
        var attributes = new LinkedHashMap<>(lead.attributes());
        extra.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                attributes.putIfAbsent(name, value);
            }
        });
        return new LeadSubmission(lead.email(), lead.phone(), lead.firstName(), lead.lastName(), lead.jobTitle(),
                lead.company(), lead.source(), lead.utm(), lead.engagement(), lead.consent(), lead.clickIds(),
                attributes, lead.unknownFields());
    }

    /**
     * Gives mapped consent the text the person was shown and the time they gave it, where the mapping had none;
     * no consent is invented when none was mapped.
     */
    public static LeadSubmission withConsentDetails(LeadSubmission lead, String text, Instant capturedAt) {
        Consent given = lead.consent();
        if (given == null) {
            return lead;
        }
        return withConsent(lead, new Consent(given.marketing(), given.salesContact(), firstOf(given.text(), text),
                given.version(), given.capturedAt() != null ? given.capturedAt() : capturedAt));
    }

    /** Sets consent as the platform recorded it, unless the field mapping already produced consent. */
    public static LeadSubmission withConsentIfAbsent(LeadSubmission lead, Consent consent) {
        return lead.consent() != null || consent == null ? lead : withConsent(lead, consent);
    }

    private static LeadSubmission withConsent(LeadSubmission lead, Consent consent) {
        return new LeadSubmission(lead.email(), lead.phone(), lead.firstName(), lead.lastName(), lead.jobTitle(),
                lead.company(), lead.source(), lead.utm(), lead.engagement(), consent, lead.clickIds(),
                lead.attributes(), lead.unknownFields());
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
