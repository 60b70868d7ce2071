package io.leadloop.feedback.funnel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The days asked for ({@code from}/{@code to}, ISO dates, both inclusive, either may be left open): leads are
 * counted by the UTC day of their first capture.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static DateRange parse(String from, String to) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.put("to", "must not be before from (" + start + ")");
        }
        if (!errors.isEmpty()) {
            throw new InvalidQuery(errors);
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String name, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(name, "must be an ISO date (yyyy-MM-dd), was '" + value + "'");
            return null;
        }
    }
}
