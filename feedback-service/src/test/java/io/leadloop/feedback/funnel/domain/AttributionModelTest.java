package io.leadloop.feedback.funnel.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AttributionModelTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Money WON = new Money(new BigDecimal("1000.00"), "USD");

    /** Touches on days 0, 1, 2, 3, 4 through campaigns a..e; MQL after touch 2 (day 1.5), opportunity after touch 4. */
    private static final List<Touch> FIVE = List.of(touch(1, "a", 0), touch(2, "b", 1), touch(3, "c", 2),
            touch(4, "d", 3), touch(5, "e", 4));
    private static final Instant MQL = day(1).plusSeconds(3600);
    private static final Instant OPPORTUNITY = day(3).plusSeconds(3600);

    @Test
    void firstAndLastTouchGiveEverythingToOneCampaign() {
        assertThat(split(AttributionModel.FIRST_TOUCH, FIVE)).isEqualTo(Map.of("a", amount("1000.00")));
        assertThat(split(AttributionModel.LAST_TOUCH, FIVE)).isEqualTo(Map.of("e", amount("1000.00")));
    }

    @Test
    void linearSharesEquallyAndTheCentsAddUp() {
        Map<String, BigDecimal> thirds = AttributionModel.LINEAR.split(WON, FIVE.subList(0, 3), MQL, OPPORTUNITY);

        assertThat(thirds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualTo(amount("1000.00"));
        assertThat(thirds).containsEntry("b", amount("333.33")).containsEntry("c", amount("333.33"));
    }

    @Test
    void uShapedGivesFortyPercentToFirstAndLeadConversionTouchAndSharesTheRest() {
        assertThat(split(AttributionModel.U_SHAPED, FIVE)).isEqualTo(Map.of("a", amount("400.00"),
                "b", amount("400.00"), "c", amount("66.67"), "d", amount("66.67"), "e", amount("66.66")));
    }

    @Test
    void wShapedGivesThirtyPercentToFirstLeadConversionAndOpportunityTouch() {
        assertThat(split(AttributionModel.W_SHAPED, FIVE)).isEqualTo(Map.of("a", amount("300.00"),
                "b", amount("300.00"), "c", amount("50.00"), "d", amount("300.00"), "e", amount("50.00")));
    }

    @Test
    void positionsScaleUpWhenNoOtherTouchIsLeft() {
        List<Touch> two = FIVE.subList(0, 2);

        assertThat(AttributionModel.U_SHAPED.split(WON, two, MQL, null))
                .isEqualTo(Map.of("a", amount("500.00"), "b", amount("500.00")));
        assertThat(AttributionModel.W_SHAPED.split(WON, List.of(touch(1, "a", 0)), null, null))
                .isEqualTo(Map.of("a", amount("1000.00")));
    }

    @Test
    void touchesOfTheSameCampaignAddUp() {
        List<Touch> sameTwice = List.of(touch(1, "a", 0), touch(2, "b", 1), touch(3, "a", 2));

        assertThat(AttributionModel.LINEAR.split(WON, sameTwice, null, null))
                .isEqualTo(Map.of("a", amount("666.67"), "b", amount("333.33")));
    }

    private static Map<String, BigDecimal> split(AttributionModel model, List<Touch> touches) {
        return model.split(WON, touches, MQL, OPPORTUNITY);
    }

    private static Touch touch(int number, String campaign, int day) {
        return new Touch(number, campaign, day(day));
    }

    private static Instant day(int day) {
        return T0.plusSeconds(86_400L * day);
    }

    private static BigDecimal amount(String amount) {
        return new BigDecimal(amount);
    }
}
