package io.leadloop.feedback.funnel.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Objects;

/**
 * Which numbers: one value of one dimension (a campaign, a rep, ...) on one UTC day. As a string
 * {@code dimension|value|yyyy-MM-dd} (the store and topic key; {@code |} and {@code %} in the value are
 * percent-encoded), so one value's days are next to each other and in order.
 */
public record NumbersKey(Dimension dimension, String value, LocalDate day) {

    public NumbersKey {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(day, "day");
    }

    public static NumbersKey of(Dimension dimension, String value, Instant at) {
        return new NumbersKey(dimension, value, LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** The prefix all days of the dimension share. */
    public static String prefix(Dimension dimension) {
        return dimension.id() + "|";
    }

    /** The prefix all days of one value share. */
    public static String prefix(Dimension dimension, String value) {
        return prefix(dimension) + escape(value) + "|";
    }

    public String asString() {
        return prefix(dimension, value) + day;
    }

    public static NumbersKey parse(String key) {
        int first = key.indexOf('|');
        int last = key.lastIndexOf('|');
        if (first < 0 || last <= first) {
            throw new IllegalArgumentException("Not a numbers key: " + key);
        }
        return new NumbersKey(Dimension.ofId(key.substring(0, first)), unescape(key.substring(first + 1, last)),
                LocalDate.parse(key.substring(last + 1)));
    }

    private static String escape(String value) {
        return value.replace("%", "%25").replace("|", "%7C");
    }

    private static String unescape(String value) {
        return value.replace("%7C", "|").replace("%25", "%");
    }
}
