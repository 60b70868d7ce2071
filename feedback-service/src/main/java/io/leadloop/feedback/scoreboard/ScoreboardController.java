package io.leadloop.feedback.scoreboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.feedback.funnel.DateRange;
import io.leadloop.feedback.funnel.FunnelQueries;
import io.leadloop.feedback.funnel.InvalidQuery;
import io.leadloop.feedback.funnel.NumbersRow;
import io.leadloop.feedback.funnel.domain.AttributionModel;
import io.leadloop.feedback.funnel.domain.Dimension;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The scoreboard: the page at {@code /scoreboard} and the one answer it polls. */
@RestController
@Tag(name = "Scoreboard", description = "The shared scoreboard of marketing and sales")
class ScoreboardController {

    private static final List<String> MODELS = Arrays.stream(AttributionModel.values()).map(AttributionModel::id).toList();

    private final FunnelQueries funnels;
    private final ScoreboardProperties properties;

    ScoreboardController(FunnelQueries funnels, ScoreboardProperties properties) {
        this.funnels = funnels;
        this.properties = properties;
    }

    /** The page is static: this only gives it a short address. */
    @GetMapping({"/scoreboard", "/scoreboard/"})
    ResponseEntity<Void> page(HttpServletRequest request) {
        String query = request.getQueryString();
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION,
                "/scoreboard/index.html" + (query == null ? "" : "?" + query)).build();
    }

    @GetMapping("/api/v1/scoreboard")
    @Operation(summary = "Everything the scoreboard shows: funnel and attributed revenue per campaign, rejection "
            + "reasons, SLA per rep, progress to the revenue goal",
            description = "from/to: ISO dates (inclusive) of the leads' first capture; model: first-touch, "
                    + "last-touch, linear, u-shaped, w-shaped")
    Scoreboard scoreboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String model) {
        DateRange range = DateRange.parse(from, to);
        String chosen = model == null || model.isBlank() ? properties.attributionModel() : model.trim();
        if (!MODELS.contains(chosen)) {
            throw new InvalidQuery(Map.of("model", "must be one of " + String.join(", ", MODELS)));
        }
        Map<String, FunnelNumbers> campaigns = funnels.numbers(Dimension.CAMPAIGN, range.from(), range.to());
        Map<String, FunnelNumbers> reps = funnels.numbers(Dimension.REP, range.from(), range.to());

        Map<String, Long> reasons = new TreeMap<>();
        BigDecimal won = BigDecimal.ZERO.setScale(2);
        for (FunnelNumbers numbers : campaigns.values()) {
            numbers.rejectedByReason().forEach((reason, leads) -> reasons.merge(reason, leads, Long::sum));
            won = won.add(numbers.revenue().getOrDefault(properties.goalCurrency(), BigDecimal.ZERO));
        }
        BigDecimal goal = properties.revenueGoal();
        BigDecimal progress = goal.signum() > 0 ? won.divide(goal, 4, RoundingMode.HALF_EVEN) : null;

        return new Scoreboard(range.from(), range.to(), chosen, MODELS, rows(campaigns), reasons, rows(reps),
                new Scoreboard.Goal(goal, properties.goalCurrency(), won, progress),
                Math.max(1, properties.refreshInterval().toSeconds()), Instant.now());
    }

    private static List<NumbersRow> rows(Map<String, FunnelNumbers> numbers) {
        return numbers.entrySet().stream().map(entry -> NumbersRow.of(entry.getKey(), entry.getValue())).toList();
    }
}
