package io.leadloop.feedback.recording.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FeedbackPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final FeedbackPolicy policy = new FeedbackPolicy(true, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAWinWithAmountAndCurrencyAndKeepsTwoDecimals() {
        Feedback feedback = policy.validate("lead-1",
                new FeedbackForm("WON", null, new BigDecimal("1200"), "USD", "rep-ana", "2026-11-23T10:15:30Z"));

        assertThat(feedback.outcome()).isEqualTo(Outcome.WON);
        assertThat(feedback.amount()).isEqualByComparingTo("1200").hasScaleOf(2);
        assertThat(feedback.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30Z"));
    }

    @Test
    void occurredAtDefaultsToNow() {
        Feedback feedback = policy.validate("lead-1", new FeedbackForm("CONTACTED", null, null, null, null, null));

        assertThat(feedback.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void namesEveryInvalidFieldByJsonPointer() {
        InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class, () -> policy.validate("lead-1",
                new FeedbackForm("SOLD", "x".repeat(501), new BigDecimal("-1.234"), "usd", null, "yesterday")));

        assertThat(invalid.violations()).extracting(FieldViolation::pointer)
                .containsExactly("/outcome", "/reason", "/amount", "/currency", "/occurredAt");
    }

    @Test
    void rejectsAMissingOutcome() {
        InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class,
                () -> policy.validate("lead-1", new FeedbackForm(null, null, null, null, null, null)));

        assertThat(invalid.violations()).extracting(FieldViolation::pointer).containsExactly("/outcome");
    }

    @Test
    void rejectsAnAmountWithMoreThanTwoDecimals() {
        InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class, () -> policy.validate("lead-1",
                new FeedbackForm("WON", null, new BigDecimal("10.005"), "USD", null, null)));

        assertThat(invalid.violations()).extracting(FieldViolation::detail).containsExactly("must have at most 2 decimals");
    }

    @Test
    void requiresACurrencyWithAnAmount() {
        InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class, () -> policy.validate("lead-1",
                new FeedbackForm("WON", null, new BigDecimal("10"), null, null, null)));

        assertThat(invalid.violations()).extracting(FieldViolation::pointer).containsExactly("/currency");
    }

    @Test
    void rejectsACurrencyThatIsNotIso4217() {
        InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class, () -> policy.validate("lead-1",
                new FeedbackForm("WON", null, new BigDecimal("10"), "XYZ", null, null)));

        assertThat(invalid.violations()).extracting(FieldViolation::pointer).containsExactly("/currency");
    }

    @Test
    void toleratesSmallClockSkewButNotTheFuture() {
        assertThatNoException().isThrownBy(() -> policy.validate("lead-1",
                new FeedbackForm("CONTACTED", null, null, null, null, NOW.plusSeconds(60).toString())));
        InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class, () -> policy.validate("lead-1",
                new FeedbackForm("CONTACTED", null, null, null, null, NOW.plus(Duration.ofHours(1)).toString())));

        assertThat(invalid.violations()).extracting(FieldViolation::pointer).containsExactly("/occurredAt");
    }

    @Test
    void refusesAWinWithoutAmountWhenAmountsAreRequired() {
        Feedback win = policy.validate("lead-1", new FeedbackForm("WON", null, null, null, null, null));

        ImpossibleOutcome impossible = catchThrowableOfType(ImpossibleOutcome.class, () -> policy.checkPossible(win));

        assertThat(impossible.pointer()).isEqualTo("/amount");
    }

    @Test
    void acceptsAWinWithoutAmountWhenAmountsAreOptional() {
        var lenient = new FeedbackPolicy(false, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        Feedback win = lenient.validate("lead-1", new FeedbackForm("WON", null, null, null, null, null));

        assertThatNoException().isThrownBy(() -> lenient.checkPossible(win));
    }

    @Test
    void refusesARejectionWithoutReason() {
        Feedback rejection = policy.validate("lead-1", new FeedbackForm("REJECTED", "  ", null, null, null, null));

        ImpossibleOutcome impossible = catchThrowableOfType(ImpossibleOutcome.class, () -> policy.checkPossible(rejection));

        assertThat(impossible.pointer()).isEqualTo("/reason");
    }
}
