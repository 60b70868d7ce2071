package io.leadloop.intake.webhooks.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.sources.FieldMapper;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.webhooks.Submissions;

/**
 * HubSpot contact properties (by their internal names) to our lead; a source's {@code fieldMapping} adds or
 * overrides; every other property is kept as an attribute. {@code country} stays an attribute by default because
 * HubSpot stores it as free text, and a country name would make the lead invalid.
 */
final class HubSpotMapping {

    static final String CHANNEL = "hubspot";

    /** Our consent text has room for this much; the full text then goes to an attribute. */
    static final int MAX_CONSENT_TEXT = 500;

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("phone", "phone"), Map.entry("mobilephone", "phone"),
            Map.entry("firstname", "firstName"), Map.entry("lastname", "lastName"),
            Map.entry("company", "company.name"), Map.entry("jobtitle", "jobTitle"),
            Map.entry("numemployees", "company.employees"), Map.entry("industry", "company.industry"),
            Map.entry("utm_source", "utm.source"), Map.entry("utm_medium", "utm.medium"),
            Map.entry("utm_campaign", "utm.campaign"), Map.entry("utm_term", "utm.term"),
            Map.entry("utm_content", "utm.content"),
            Map.entry("gclid", "clickIds.gclid"), Map.entry("hs_google_click_id", "clickIds.gclid"),
            Map.entry("fbclid", "clickIds.fbclid"), Map.entry("hs_facebook_click_id", "clickIds.fbclid"),
            Map.entry("li_fat_id", "clickIds.li_fat_id"), Map.entry("msclkid", "clickIds.msclkid"));

    private HubSpotMapping() {
    }

    /** A form submission: its fields, the page it was on, and the consent the person gave with the text shown. */
    static LeadSubmission toSubmission(HubSpotFormSubmission form, SourceSettings settings) {
        LeadSubmission lead = mapper(settings).toSubmission(form.fields(), CHANNEL, settings.campaignId());
        lead = Submissions.withSource(lead, null, null, form.context().get("pageUri"));
        var attributes = new LinkedHashMap<String, String>();
        form.context().forEach((name, value) -> {
            if (!name.equals("pageUri")) {
                attributes.put("context." + name, value);
            }
        });
        attributes.put("submittedAt", form.submittedAt());
        Instant submittedAt = instant(form.submittedAt());
        if (form.consent() != null) {
            lead = Submissions.withConsentIfAbsent(lead, consent(form.consent(), submittedAt, attributes));
        }
        return Submissions.withAttributes(lead, attributes);
    }

    /** A contact event: whatever contact properties it carries. */
    static LeadSubmission toSubmission(HubSpotEvent event, SourceSettings settings) {
        LeadSubmission lead = mapper(settings).toSubmission(event.contactProperties(), CHANNEL, settings.campaignId());
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("hubspot.portalId", event.portalId());
        attributes.put("hubspot.subscriptionType", event.subscriptionType());
        attributes.put("hubspot.changeSource", event.changeSource());
        attributes.put("hubspot.occurredAt", event.occurredAt());
        return Submissions.withAttributes(lead, attributes);
    }

    private static FieldMapper mapper(SourceSettings settings) {
        return new FieldMapper(DEFAULTS, settings.fieldMapping());
    }

    /**
     * Consent to process is consent to be contacted by sales; any subscription the person ticked is marketing
     * consent. A legitimate interest is a legal basis, not consent: it is kept as attributes only.
     */
    private static LeadSubmission.Consent consent(HubSpotFormSubmission.LegalConsent given, Instant submittedAt,
            Map<String, String> attributes) {
        var texts = new ArrayList<String>();
        if (given.text() != null) {
            texts.add(given.text());
        }
        Boolean marketing = null;
        for (HubSpotFormSubmission.Communication communication : given.communications()) {
            marketing = Boolean.TRUE.equals(marketing) || communication.value();
            if (communication.text() != null) {
                texts.add(communication.text());
            }
            if (communication.subscriptionTypeId() != null) {
                attributes.put("consent.subscription." + communication.subscriptionTypeId(),
                        Boolean.toString(communication.value()));
            }
        }
        HubSpotFormSubmission.LegitimateInterest interest = given.legitimateInterest();
        if (interest != null) {
            attributes.put("legitimateInterest.value", Boolean.toString(interest.value()));
            attributes.put("legitimateInterest.legalBasis", interest.legalBasis());
            attributes.put("legitimateInterest.subscriptionTypeId", interest.subscriptionTypeId());
            attributes.put("legitimateInterest.text", interest.text());
        }
        if (given.consentToProcess() == null && marketing == null) {
            return null;
        }
        String text = texts.isEmpty() ? null : String.join("\n", texts);
        if (text != null && text.length() > MAX_CONSENT_TEXT) {
            attributes.put("consent.fullText", text);
            text = text.substring(0, MAX_CONSENT_TEXT - 1) + "…";
        }
        return new LeadSubmission.Consent(marketing, given.consentToProcess(), text, null, submittedAt);
    }

    /** HubSpot times are epoch milliseconds; ISO-8601 is read too. */
    static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException notMillis) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
