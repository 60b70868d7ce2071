package io.leadloop.feedback.recording.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Feedback that passed every field check.
 *
 * @param reason may be null
 * @param amount scale 2, or null
 * @param currency ISO 4217 code, present whenever {@code amount} is
 * @param repId may be null
 */
public record Feedback(String leadId, Outcome outcome, String reason, BigDecimal amount, String currency,
        String repId, Instant occurredAt) {

    public Feedback {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
