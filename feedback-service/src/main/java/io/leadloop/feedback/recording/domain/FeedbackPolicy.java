package io.leadloop.feedback.recording.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What feedback we accept: first every field on its own ({@link #validate}, a {@code 400} when it fails), then
 * whether the outcome makes sense as reported ({@link #checkPossible}, a {@code 422}).
 */
public final class FeedbackPolicy {

    public static final int MAX_REASON_LENGTH = 500;
    /** The Avro decimal is precision 18, scale 2: at most 16 digits before the point. */
    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(16);
    private static final String OUTCOMES = Arrays.toString(Outcome.values());

    private final boolean requireAmountForWon;
    private final Duration allowedClockSkew;
    private final Clock clock;
    private final ReasonTaxonomy reasons;

    /** With the {@linkplain ReasonTaxonomy#defaults() default reasons}. */
    public FeedbackPolicy(boolean requireAmountForWon, Duration allowedClockSkew, Clock clock) {
        this(requireAmountForWon, allowedClockSkew, clock, ReasonTaxonomy.defaults());
    }

    /**
     * @param requireAmountForWon whether a win must say how much was won (revenue is only as good as this)
     * @param allowedClockSkew how far in the future {@code occurredAt} may lie, for callers whose clocks run ahead
     * @param reasons the codes a rejection or loss must give as its reason
     */
    public FeedbackPolicy(boolean requireAmountForWon, Duration allowedClockSkew, Clock clock,
            ReasonTaxonomy reasons) {
        this.reasons = Objects.requireNonNull(reasons, "reasons");
        this.requireAmountForWon = requireAmountForWon;
        this.allowedClockSkew = Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The submission as feedback, with defaults filled in, or {@link InvalidFeedback} naming every bad field. */
    public Feedback validate(String leadId, FeedbackForm form) {
        List<FieldViolation> violations = new ArrayList<>();
        Outcome outcome = outcomeOf(form.outcome(), violations);
        String reason = reasonOf(outcome, form.reason(), form.reasonDetail(), violations);
        BigDecimal amount = amountOf(form.amount(), violations);
        String currency = currencyOf(form.currency(), form.amount() != null, violations);
        Instant occurredAt = occurredAtOf(form.occurredAt(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidFeedback(violations);
        }
        return new Feedback(leadId, outcome, reason, amount, currency, blankToNull(form.repId()), occurredAt);
    }

    /** Refuses, with {@link ImpossibleOutcome}, feedback whose outcome cannot be true as reported. */
    public void checkPossible(Feedback feedback) {
        if (feedback.outcome() == Outcome.WON && requireAmountForWon && feedback.amount() == null) {
            throw new ImpossibleOutcome("/amount", "A win needs the amount won, so that revenue adds up.");
        }
        if (feedback.outcome() == Outcome.REJECTED && feedback.reason() == null) {
            throw new ImpossibleOutcome("/reason", "A rejection needs a reason, so that marketing can learn from it.");
        }
    }

    private static Outcome outcomeOf(String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new FieldViolation("/outcome", "is required, one of " + OUTCOMES));
            return null;
        }
        return Outcome.named(value).orElseGet(() -> {
            violations.add(new FieldViolation("/outcome", "must be one of " + OUTCOMES));
            return null;
        });
    }

    /**
     * The reason as published: the code (or free text for outcomes without a taxonomy), followed by
     * {@code ": " + reasonDetail} when a detail is given. Codes never contain a colon, so consumers read the code as
     * everything before the first {@code ": "}.
     */
    private String reasonOf(Outcome outcome, String value, String detail, List<FieldViolation> violations) {
        String reason = blankToNull(value);
        String reasonDetail = blankToNull(detail);
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            violations.add(new FieldViolation("/reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
            return null;
        }
        if (reasonDetail != null && reasonDetail.length() > MAX_REASON_LENGTH) {
            violations.add(new FieldViolation("/reasonDetail",
                    "must be at most " + MAX_REASON_LENGTH + " characters"));
            return null;
        }
        if (reason == null) {
            if (reasonDetail != null) {
                violations.add(new FieldViolation("/reason", "is required with a reasonDetail"));
            }
            return null;
        }
        if (outcome != null && ReasonTaxonomy.CODED.contains(outcome)) {
            reason = reason.strip().toLowerCase(java.util.Locale.ROOT);
            if (!reasons.isCode(reason)) {
                violations.add(new FieldViolation("/reason", "must be one of " + reasons.codes() + " for "
                        + outcome + " (explain further in reasonDetail)"));
                return null;
            }
            if (ReasonTaxonomy.OTHER.equals(reason) && reasonDetail == null) {
                violations.add(new FieldViolation("/reasonDetail", "is required with the reason '"
                        + ReasonTaxonomy.OTHER + "'"));
                return null;
            }
        }
        return reasonDetail == null ? reason : reason + ": " + reasonDetail;
    }

    private static BigDecimal amountOf(BigDecimal value, List<FieldViolation> violations) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            violations.add(new FieldViolation("/amount", "must not be negative"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            violations.add(new FieldViolation("/amount", "must have at most 2 decimals"));
            return null;
        }
        if (value.compareTo(AMOUNT_LIMIT) >= 0) {
            violations.add(new FieldViolation("/amount", "must be less than " + AMOUNT_LIMIT.toPlainString()));
            return null;
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String currencyOf(String value, boolean amountGiven, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            if (amountGiven) {
                violations.add(new FieldViolation("/currency", "is required with an amount (ISO 4217 code, e.g. USD)"));
            }
            return null;
        }
        if (!value.matches("[A-Z]{3}") || !isIsoCurrency(value)) {
            violations.add(new FieldViolation("/currency", "must be an ISO 4217 currency code, e.g. USD"));
            return null;
        }
        return value;
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private Instant occurredAtOf(String value, List<FieldViolation> violations) {
        Instant now = clock.instant();
        if (value == null || value.isBlank()) {
            return now;
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("/occurredAt", "must be an ISO-8601 instant, e.g. 2026-11-23T10:15:30Z"));
            return null;
        }
        if (occurredAt.isAfter(now.plus(allowedClockSkew))) {
            violations.add(new FieldViolation("/occurredAt", "must not be in the future"));
            return null;
        }
        return occurredAt;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
