package io.leadloop.feedback.funnel.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in one currency; never converted, because a campaign's revenue is reported per currency.
 *
 * @param amount non-negative, scale 2
 * @param currency ISO 4217 code
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
