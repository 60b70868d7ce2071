package io.leadloop.feedback;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our settings under {@code leadloop.feedback}.
 *
 * @param requireAmountForWon refuse ({@code 422}) a win reported without an amount, because revenue per campaign
 *        is only as complete as the wins that carry one
 * @param allowedClockSkew how far in the future a reported {@code occurredAt} may lie, for callers whose clocks run
 *        a little ahead
 * @param publishTimeout how long a request waits for Kafka to acknowledge its event before answering {@code 503}
 * @param reasons the reason codes (code → label) a rejection or a loss must give; replaces the built-in list
 *        ({@code ReasonTaxonomy.defaults()}) when set
 */
@ConfigurationProperties("leadloop.feedback")
public record FeedbackProperties(
        @DefaultValue("true") boolean requireAmountForWon,
        @DefaultValue("5m") Duration allowedClockSkew,
        @DefaultValue("10s") Duration publishTimeout,
        Map<String, String> reasons) {
}
