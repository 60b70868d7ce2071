package io.leadloop.handoff.consent;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param requireSalesContactConsent {@code leadloop.handoff.require-sales-contact-consent}: hand off only leads who
 *        agreed to sales contact (opt-in jurisdictions); by default unknown consent is allowed and only an explicit
 *        "no" withholds a lead
 */
@ConfigurationProperties("leadloop.handoff")
public record ConsentProperties(boolean requireSalesContactConsent) {

    public SalesContactConsent rule() {
        return new SalesContactConsent(requireSalesContactConsent);
    }
}
