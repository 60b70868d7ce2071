package io.leadloop.qualification.streams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.leadloop.events.Company;
import io.leadloop.events.Engagement;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadSource;
import io.leadloop.events.Utm;
import io.leadloop.qualification.learning.NumericBins;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;

/**
 * Turns a lead into the features learning counts: every field of the snapshot as {@code <field>=<value>},
 * including each of the {@code attributes}; numbers binned ({@link NumericBins}). Left out: what identifies a
 * person rather than describes them (email address, phone, names, click ids, landing-page URL), blanks, and
 * {@code Select} — a form's unselected default, i.e. not answered.
 */
final class LeadFeatures {

    private static final int MAX_VALUE_LENGTH = 80;
    /** Features that describe the person rather than the lead: dropped when the person is erased. */
    static final java.util.List<String> PERSONAL = java.util.List.of("jobTitle=");

    private final Set<String> excludedPrefixes;

    LeadFeatures(Set<String> excludedFields) {
        this.excludedPrefixes = excludedFields.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    List<String> of(LeadDetails lead) {
        Set<String> features = new LinkedHashSet<>();
        String domain = emailDomain(lead.getEmail());
        if (domain != null) {
            boolean freeMail = BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS.contains(domain);
            add(features, "email.domain-kind", freeMail ? "free-mail" : "corporate");
            if (!freeMail) {
                add(features, "email.domain", domain);
            }
        }
        add(features, "phone.known", lead.getPhone() == null ? null : "yes");
        add(features, "jobTitle", lead.getJobTitle());
        Company company = lead.getCompany();
        if (company != null) {
            number(features, "company.employees", company.getEmployees());
            add(features, "company.industry", company.getIndustry());
            add(features, "company.country", company.getCountry());
        }
        LeadSource source = lead.getSource();
        if (source != null) {
            add(features, "source.channel", source.getChannel());
            add(features, "source.campaignId", source.getCampaignId());
            add(features, "source.formId", source.getFormId());
        }
        Utm utm = lead.getUtm();
        if (utm != null) {
            add(features, "utm.source", utm.getSource());
            add(features, "utm.medium", utm.getMedium());
            add(features, "utm.campaign", utm.getCampaign());
            add(features, "utm.term", utm.getTerm());
            add(features, "utm.content", utm.getContent());
        }
        Engagement engagement = lead.getEngagement();
        if (engagement != null) {
            number(features, "engagement.visits", engagement.getVisits());
            number(features, "engagement.timeOnSiteSeconds", engagement.getTimeOnSiteSeconds());
            number(features, "engagement.pageViews", engagement.getPageViews());
            add(features, "engagement.lastActivity", engagement.getLastActivity());
        }
        if (lead.getConsent() != null) {
            add(features, "consent.marketing", String.valueOf(lead.getConsent().getMarketing()));
            add(features, "consent.salesContact", String.valueOf(lead.getConsent().getSalesContact()));
        }
        for (Map.Entry<String, String> attribute : new java.util.TreeMap<>(lead.getAttributes()).entrySet()) {
            String name = "attributes." + attribute.getKey().trim().toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            Double number = parseNumber(value);
            if (number != null) {
                add(features, name, NumericBins.of(number));
            } else {
                add(features, name, value);
            }
        }
        return new ArrayList<>(features);
    }

    private void number(Set<String> features, String name, Integer value) {
        if (value != null) {
            add(features, name, NumericBins.of(value));
        }
    }

    private void add(Set<String> features, String name, String value) {
        if (value == null || value.isBlank() || value.equals("null")) {
            return;
        }
        String normalised = value.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals("select")) {
            return;
        }
        if (normalised.length() > MAX_VALUE_LENGTH) {
            normalised = normalised.substring(0, MAX_VALUE_LENGTH);
        }
        String lowerName = name.toLowerCase(Locale.ROOT);
        for (String excluded : excludedPrefixes) {
            if (lowerName.startsWith(excluded)) {
                return;
            }
        }
        features.add(name + "=" + normalised);
    }

    private static String emailDomain(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? null : email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    }

    private static Double parseNumber(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > 24 || !trimmed.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.parseDouble(trimmed);
    }
}
