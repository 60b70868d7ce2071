package io.leadloop.qualification.scoring;

import java.util.Optional;

/**
 * A lead who declined marketing and did not agree to be contacted by sales must not be worked, whatever the
 * score. Unknown consent is not a refusal: intake decides what it requires.
 */
final class NoConsentDisqualifier implements Disqualifier {

    static final String ID = "disqualifier.no-consent";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<RuleContribution> disqualifies(LeadProfile lead) {
        boolean declinedMarketing = Boolean.FALSE.equals(lead.marketingConsent());
        boolean agreedToSalesContact = Boolean.TRUE.equals(lead.salesContactConsent());
        return declinedMarketing && !agreedToSalesContact
                ? Optional.of(new RuleContribution(ID, 0, "No marketing or sales-contact consent"))
                : Optional.empty();
    }
}
