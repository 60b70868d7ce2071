package io.leadloop.handoff.sla;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One stretch of working time within a day, in the calendar's local wall-clock time: {@code 09:00-12:30}. It
 * starts and ends on the same day (a night shift is two intervals, one ending 23:59 and one starting 00:00).
 *
 * @param start local time the office opens
 * @param end local time it closes, after {@code start}
 */
public record WorkingInterval(LocalTime start, LocalTime end) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    public WorkingInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("The working interval " + start + "-" + end
                    + " ends before it starts; intervals are HH:mm-HH:mm within one day");
        }
    }

    /** Reads {@code "09:00-17:00"}. */
    public static WorkingInterval parse(String text) {
        var matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("The working interval '" + text
                    + "' is not of the form HH:mm-HH:mm, e.g. 09:00-17:00");
        }
        try {
            return new WorkingInterval(LocalTime.parse(pad(matcher.group(1))), LocalTime.parse(pad(matcher.group(2))));
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException("The working interval '" + text + "' holds a time that does not exist ("
                    + notATime.getParsedString() + "); intervals are HH:mm-HH:mm within one day", notATime);
        }
    }

    boolean overlaps(WorkingInterval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
