package io.leadloop.handoff.consent;

import java.util.Optional;

/**
 * The consent rule of handoff (docs/security-and-privacy.md, "Consent").
 *
 * @param required whether consent must have been given ({@code leadloop.handoff.require-sales-contact-consent}); if
 *        not, unknown consent is allowed and only an explicit "no" withholds the lead
 */
public record SalesContactConsent(boolean required) {

    /** The default: only an explicit "no" withholds a lead. */
    public static final SalesContactConsent UNKNOWN_ALLOWED = new SalesContactConsent(false);

    /** Why a lead is not handed off: a code and the words marketing sees. */
    public record Withholding(String reason, String explanation) {
    }

    public static final String DECLINED = "SALES_CONTACT_DECLINED";
    public static final String MISSING = "SALES_CONTACT_CONSENT_MISSING";

    /**
     * @param salesContact the lead's {@code consent.salesContact}: true, false, or null when unknown
     * @return why the lead must not go to sales, or empty when it may
     */
    public Optional<Withholding> withholding(Boolean salesContact) {
        if (Boolean.FALSE.equals(salesContact)) {
            return Optional.of(new Withholding(DECLINED,
                    "not handed off: the person declined contact by sales (consent.salesContact = false)"));
        }
        if (salesContact == null && required) {
            return Optional.of(new Withholding(MISSING, "not handed off: sales contact needs opt-in here "
                    + "(require-sales-contact-consent) and the lead's consent.salesContact is unknown"));
        }
        return Optional.empty();
    }
}
