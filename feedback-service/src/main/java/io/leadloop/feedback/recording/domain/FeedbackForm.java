package io.leadloop.feedback.recording.domain;

import java.math.BigDecimal;

/**
 * Feedback as submitted, before any check: text where the caller may send anything, so that every bad field can
 * be named in one answer instead of failing on the first.
 *
 * @param reason for {@code REJECTED} and {@code LOST} a code of the {@link ReasonTaxonomy}, otherwise free text
 * @param reasonDetail free text that explains the reason further (required with the code {@code other})
 */
public record FeedbackForm(String outcome, String reason, String reasonDetail, BigDecimal amount, String currency,
        String repId, String occurredAt) {

    /** Feedback without a reason detail. */
    public FeedbackForm(String outcome, String reason, BigDecimal amount, String currency, String repId,
            String occurredAt) {
        this(outcome, reason, null, amount, currency, repId, occurredAt);
    }
}
