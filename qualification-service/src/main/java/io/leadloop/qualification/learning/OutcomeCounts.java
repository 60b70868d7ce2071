package io.leadloop.qualification.learning;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How often sales reported each outcome (ACCEPTED, WON, LOST, ...) for one campaign: the first thing learning from
 * outcomes needs, and what marketing asks first ("what happened to the leads of this campaign?").
 *
 * @param counts outcome name → how many times it was reported, sorted by name
 */
public record OutcomeCounts(Map<String, Long> counts) {

    public OutcomeCounts {
        counts = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(counts, Map.of())));
    }

    public static OutcomeCounts none() {
        return new OutcomeCounts(Map.of());
    }

    /** These counts with one more report of {@code outcome}. */
    public OutcomeCounts plus(String outcome) {
        Objects.requireNonNull(outcome, "outcome");
        var next = new TreeMap<>(counts);
        next.merge(outcome, 1L, Long::sum);
        return new OutcomeCounts(next);
    }

    public long of(String outcome) {
        return counts.getOrDefault(outcome, 0L);
    }
}
