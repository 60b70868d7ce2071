package io.leadloop.feedback.funnel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.leadloop.feedback.funnel.domain.AttributionModel;

/**
 * The numbers as CSV (RFC 4180) for spreadsheets: one row per value, maps flattened to {@code key=value} pairs
 * separated by {@code ;} in one cell, attributed revenue one column per model.
 */
final class NumbersCsv {

    private static final List<String> MODELS =
            java.util.Arrays.stream(AttributionModel.values()).map(AttributionModel::id).toList();

    private NumbersCsv() {
    }

    static String of(NumbersReport report) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", List.of(report.dimension(), "captured", "qualified", "handed_off", "accepted",
                "rejected", "rejected_by_reason", "contacted", "contacted_within_sla", "median_minutes_to_first_touch",
                "meetings", "opportunities", "won", "lost", "revenue", "acceptance_rate", "sla_compliance",
                "win_rate")));
        MODELS.forEach(model -> csv.append(",revenue_").append(model.replace('-', '_')));
        NumbersRow.of("", io.leadloop.feedback.funnel.domain.FunnelNumbers.ZERO).conversion().keySet()
                .forEach(step -> csv.append(",conversion_").append(step.replace("→", "_to_")));
        csv.append("\r\n");
        for (NumbersRow row : report.rows()) {
            List<Object> cells = new java.util.ArrayList<>(List.of(row.value(), row.captured(), row.qualified(),
                    row.handedOff(), row.accepted(), row.rejected(), pairs(row.rejectedByReason()), row.contacted(),
                    row.contactedWithinSla(), orEmpty(row.medianMinutesToFirstTouch()), row.meetings(),
                    row.opportunities(), row.won(), row.lost(), pairs(row.revenue()), orEmpty(row.acceptanceRate()),
                    orEmpty(row.slaCompliance()), orEmpty(row.winRate())));
            MODELS.forEach(model -> cells.add(pairs(row.attributedRevenue().getOrDefault(model, Map.of()))));
            row.conversion().values().forEach(rate -> cells.add(orEmpty(rate)));
            csv.append(cells.stream().map(cell -> quoted(String.valueOf(cell))).collect(Collectors.joining(",")));
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static Object orEmpty(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value == null ? "" : value;
    }

    private static String pairs(Map<String, ?> map) {
        return map.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (entry.getValue() instanceof BigDecimal d ? d.toPlainString()
                        : entry.getValue()))
                .collect(Collectors.joining(";"));
    }

    /** Quotes only when needed; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it. */
    private static String quoted(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")
                ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
