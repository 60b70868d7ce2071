package io.leadloop.feedback.scoreboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.leadloop.feedback.funnel.NumbersRow;

/**
 * Everything the scoreboard page shows, in one answer so that one poll redraws it consistently.
 *
 * @param model the attribution model {@code campaigns[].attributedRevenue[model]} is read with
 * @param campaigns the funnel and revenue per campaign
 * @param rejectionReasons rejected leads per reason code, over all campaigns
 * @param reps per rep: acceptance, SLA compliance, time to first touch, win rate
 * @param goal progress to the shared revenue goal
 * @param refreshSeconds how often the page polls
 */
public record Scoreboard(
        LocalDate from,
        LocalDate to,
        String model,
        List<String> models,
        List<NumbersRow> campaigns,
        Map<String, Long> rejectionReasons,
        List<NumbersRow> reps,
        Goal goal,
        long refreshSeconds,
        Instant generatedAt) {

    /** @param progress won / amount, a fraction (may exceed 1) */
    public record Goal(BigDecimal amount, String currency, BigDecimal won, BigDecimal progress) {
    }
}
