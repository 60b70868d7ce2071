package io.leadloop.feedback.recording.domain;

import java.math.BigDecimal;

/**
 * Feedback as submitted, before any check: text where the caller may send anything, so that every bad field can
 * be named in one answer instead of failing on the first.
 */
public record FeedbackForm(String outcome, String reason, BigDecimal amount, String currency, String repId,
        String occurredAt) {
}
