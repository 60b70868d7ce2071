package io.leadloop.feedback.scoreboard;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scoreboard's settings under {@code leadloop.feedback.scoreboard}.
 *
 * @param revenueGoal the revenue both teams aim for together, in {@code goalCurrency}; progress counts the
 *        revenue won by leads captured in the days shown (never converted from other currencies)
 * @param goalCurrency ISO 4217 code of the goal
 * @param refreshInterval how often the page asks for fresh numbers
 * @param attributionModel the model the page opens with: first-touch, last-touch, linear, u-shaped, w-shaped
 */
@ConfigurationProperties("leadloop.feedback.scoreboard")
public record ScoreboardProperties(
        @DefaultValue("100000") BigDecimal revenueGoal,
        @DefaultValue("USD") String goalCurrency,
        @DefaultValue("5s") Duration refreshInterval,
        @DefaultValue("linear") String attributionModel) {
}
