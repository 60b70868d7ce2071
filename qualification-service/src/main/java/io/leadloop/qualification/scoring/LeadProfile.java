package io.leadloop.qualification.scoring;

import java.util.Locale;
import java.util.Optional;

/**
 * What the rules of a lead definition look at, independent of how the lead travelled here (Avro, JSON, a CSV
 * replay). Every field may be unknown ({@code null}): leads arrive from forms that ask for very different things,
 * and an unknown field scores nothing rather than failing the lead.
 */
public record LeadProfile(
        String email,
        String jobTitle,
        String companyDomain,
        Integer companyEmployees,
        String industry,
        String country,
        String campaignId,
        String formId,
        Integer visits,
        Integer timeOnSiteSeconds,
        Integer pageViews,
        Boolean marketingConsent,
        Boolean salesContactConsent) {

    /** The part of the email after the last {@code @}, lower-cased; empty when there is no usable email. */
    public Optional<String> emailDomain() {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(email.substring(at + 1).trim().toLowerCase(Locale.ROOT));
    }

    /** The job title lower-cased for matching; empty when unknown or blank. */
    Optional<String> normalisedJobTitle() {
        return jobTitle == null || jobTitle.isBlank()
                ? Optional.empty()
                : Optional.of(jobTitle.trim().toLowerCase(Locale.ROOT));
    }

    static boolean isKnown(String value) {
        return value != null && !value.isBlank();
    }
}
