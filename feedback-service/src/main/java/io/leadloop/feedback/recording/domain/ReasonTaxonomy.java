package io.leadloop.feedback.recording.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Why sales rejects or loses a lead, as a closed list of codes with labels, so that "rejected by reason" can be
 * counted. {@code REJECTED} and {@code LOST} reasons must be one of the codes; the code {@value #OTHER} is the way
 * out for anything the list does not cover and needs a {@code reasonDetail}.
 */
public final class ReasonTaxonomy {

    public static final String OTHER = "other";
    /** Outcomes whose reason is a code of the taxonomy. */
    public static final Set<Outcome> CODED = Set.of(Outcome.REJECTED, Outcome.LOST);

    private static final String CODE_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

    private final Map<String, String> labels;

    /** @param labels code → label, in display order; codes are lower-case words joined by hyphens */
    public ReasonTaxonomy(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("The reason taxonomy needs at least one code");
        }
        labels.forEach((code, label) -> {
            if (code == null || !code.matches(CODE_PATTERN)) {
                throw new IllegalArgumentException("Reason code '" + code + "' must match " + CODE_PATTERN);
            }
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("Reason code '" + code + "' needs a label");
            }
        });
        this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    public static ReasonTaxonomy defaults() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("bad-contact-data", "Bad contact data");
        labels.put("not-a-fit", "Not a fit");
        labels.put("no-budget", "No budget");
        labels.put("no-authority", "No authority");
        labels.put("bad-timing", "Bad timing");
        labels.put("duplicate", "Duplicate");
        labels.put("competitor", "Competitor");
        labels.put("student-or-job-seeker", "Student or job seeker");
        labels.put("spam", "Spam");
        labels.put(OTHER, "Other (see detail)");
        return new ReasonTaxonomy(labels);
    }

    public Map<String, String> labels() {
        return labels;
    }

    public List<String> codes() {
        return List.copyOf(labels.keySet());
    }

    public boolean isCode(String reason) {
        return labels.containsKey(reason);
    }
}
