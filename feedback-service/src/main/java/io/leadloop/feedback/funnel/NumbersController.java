package io.leadloop.feedback.funnel;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.feedback.funnel.domain.Dimension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The closed-loop numbers per campaign, source, form, landing page or rep, in JSON or CSV. */
@RestController
@RequestMapping("/api/v1/numbers")
@Tag(name = "Numbers", description = "Closed-loop numbers per campaign, source, form, landing page and rep")
class NumbersController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final FunnelQueries funnels;

    NumbersController(FunnelQueries funnels) {
        this.funnels = funnels;
    }

    @GetMapping("/{dimension}")
    @Operation(summary = "Every value of a dimension with its numbers over the chosen days",
            description = "dimension: campaign, source, form, landing-page, rep or team. Leads are counted by the UTC day "
                    + "of their first capture. JSON by default; CSV with Accept: text/csv or format=csv.")
    @ApiResponse(responseCode = "200", description = "The numbers (JSON or CSV)")
    @ApiResponse(responseCode = "400", description = "Unknown dimension or bad dates (problem+json)")
    ResponseEntity<?> numbers(@PathVariable String dimension,
            @Parameter(description = "first day, yyyy-MM-dd, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "last day, yyyy-MM-dd, inclusive") @RequestParam(required = false) String to,
            @Parameter(description = "csv for CSV") @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Dimension chosen = dimensionOf(dimension);
        DateRange range = DateRange.parse(from, to);
        List<NumbersRow> rows = funnels.numbers(chosen, range.from(), range.to()).entrySet().stream()
                .map(entry -> NumbersRow.of(entry.getKey(), entry.getValue())).toList();
        return answer(new NumbersReport(chosen.id(), range.from(), range.to(), rows), format, accept);
    }

    @GetMapping("/{dimension}/{value}")
    @Operation(summary = "One campaign's, source's, form's, landing page's or rep's numbers over the chosen days",
            description = "Values without one are \"(none)\". An unseen value answers with zeros.")
    ResponseEntity<?> numbersOf(@PathVariable String dimension, @PathVariable String value,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format,
            @RequestHeader(name = "Accept", required = false) String accept) {
        Dimension chosen = dimensionOf(dimension);
        DateRange range = DateRange.parse(from, to);
        NumbersRow row = NumbersRow.of(value, funnels.numbers(chosen, value, range.from(), range.to())
                .orElse(io.leadloop.feedback.funnel.domain.FunnelNumbers.ZERO));
        if (wantsCsv(format, accept)) {
            return answer(new NumbersReport(chosen.id(), range.from(), range.to(), List.of(row)), format, accept);
        }
        return ResponseEntity.ok(row);
    }

    private static ResponseEntity<?> answer(NumbersReport report, String format, String accept) {
        if (wantsCsv(format, accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV).body(NumbersCsv.of(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if (!format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
                throw new InvalidQuery(Map.of("format", "must be csv or json"));
            }
            return format.equalsIgnoreCase("csv");
        }
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")
                && !accept.toLowerCase(java.util.Locale.ROOT).contains("application/json");
    }

    private static Dimension dimensionOf(String id) {
        return Dimension.find(id).orElseThrow(() -> new InvalidQuery(Map.of("dimension",
                "must be one of campaign, source, form, landing-page, rep, team")));
    }
}
