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

    @Test
    void requiresATaxonomyCodeAsTheReasonOfARejectionOrALossAndNamesTheCodes() {
        for (String outcome : new String[] {"REJECTED", "LOST"}) {
            InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class, () -> policy.validate("lead-1",
                    new FeedbackForm(outcome, "they did not like us", null, null, null, null)));

            assertThat(invalid.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.pointer()).isEqualTo("/reason");
                assertThat(violation.detail()).contains("not-a-fit", "student-or-job-seeker", "spam", "other");
            });
        }
    }

    @Test
    void publishesTheCodeWithItsDetailAndAcceptsCodesInAnyCase() {
        Feedback rejection = policy.validate("lead-1",
                new FeedbackForm("REJECTED", " Not-A-Fit ", "only 3 employees", null, null, null, null));
        Feedback loss = policy.validate("lead-1", new FeedbackForm("LOST", "competitor", null, null, null, null));

        assertThat(rejection.reason()).isEqualTo("not-a-fit: only 3 employees");
        assertThat(loss.reason()).isEqualTo("competitor");
    }

    @Test
    void requiresADetailWithTheReasonOther() {
        InvalidFeedback invalid = catchThrowableOfType(InvalidFeedback.class, () -> policy.validate("lead-1",
                new FeedbackForm("REJECTED", "other", null, null, null, null)));

        assertThat(invalid.violations()).extracting(FieldViolation::pointer).containsExactly("/reasonDetail");
        assertThat(policy.validate("lead-1", new FeedbackForm("REJECTED", "other", "wrong country", null, null,
                null, null)).reason()).isEqualTo("other: wrong country");
    }

    @Test
    void keepsFreeTextReasonsForOutcomesWithoutTaxonomy() {
        Feedback win = policy.validate("lead-1",
                new FeedbackForm("WON", "budget approved", new BigDecimal("10"), "USD", null, null));

        assertThat(win.reason()).isEqualTo("budget approved");
    }

    @Test
    void usesAConfiguredTaxonomyInsteadOfTheDefaults() {
        var custom = new FeedbackPolicy(true, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC),
                new ReasonTaxonomy(java.util.Map.of("wrong-region", "Wrong region")));

        assertThat(custom.validate("lead-1", new FeedbackForm("REJECTED", "wrong-region", null, null, null, null))
                .reason()).isEqualTo("wrong-region");
        assertThat(catchThrowableOfType(InvalidFeedback.class, () -> custom.validate("lead-1",
                new FeedbackForm("REJECTED", "not-a-fit", null, null, null, null))).violations())
                .extracting(FieldViolation::pointer).containsExactly("/reason");
    }

    @Test
    void refusesATaxonomyWithCodesThatCannotBePublishedUnambiguously() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReasonTaxonomy(java.util.Map.of("no: budget", "No budget")));
    }
}
