package io.leadloop.qualification.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What learning keeps per lead: the features it had when it was last scored (an outcome teaches about those, the
 * lead as sales saw it), the label each target was already learned with, so a repeated outcome is not counted
 * twice and a corrected one replaces the earlier label, and the outcomes that arrived before the lead was scored.
 *
 * @param segment the model segment the lead belongs to; null while the lead was not scored (only outcomes pending)
 * @param features the lead's features, distinct, in a stable order; empty while the lead was not scored
 * @param labels target → label already learned
 * @param pending outcomes waiting for the lead's features, oldest first, at most {@link #MAX_PENDING}
 */
public record LeadLearningState(String segment, List<String> features, Map<String, Boolean> labels,
        List<PendingOutcome> pending) {

    /** Outcomes kept per lead before its capture: a handful is real, more is a lead that will never be captured. */
    public static final int MAX_PENDING = 20;

    public LeadLearningState {
        features = List.copyOf(Objects.requireNonNullElse(features, List.of()));
        labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
        // State written before pending outcomes existed has no such field.
        pending = List.copyOf(Objects.requireNonNullElse(pending, List.of()));
        if (segment == null && !labels.isEmpty()) {
            throw new IllegalArgumentException("labels learned for a lead without features");
        }
    }

    public LeadLearningState(String segment, List<String> features, Map<String, Boolean> labels) {
        this(Objects.requireNonNull(segment, "segment"), features, labels, List.of());
    }

    /** A lead not scored yet whose outcome arrived first. */
    public static LeadLearningState pendingOnly(PendingOutcome outcome) {
        return new LeadLearningState(null, List.of(), Map.of(), List.of(outcome));
    }

    /** Whether the lead was scored: its features are known and outcomes can be learned. */
    public boolean scored() {
        return segment != null;
    }

    /** The same lead (re-)scored: new features, the labels learned and the outcomes pending so far kept. */
    public LeadLearningState withFeatures(String segment, List<String> features) {
        return new LeadLearningState(Objects.requireNonNull(segment, "segment"), features, labels, pending);
    }

    /** The same features without the personal ones (erasure); labels and pending outcomes kept. */
    public LeadLearningState withFeaturesOnly(List<String> features) {
        return new LeadLearningState(segment, features, labels, pending);
    }

    public LeadLearningState withLabel(String target, boolean label) {
        var next = new TreeMap<>(labels);
        next.put(target, label);
        return new LeadLearningState(segment, features, next, pending);
    }

    /** One more outcome pending; past {@link #MAX_PENDING} the oldest is dropped (the latest says most). */
    public LeadLearningState withPending(PendingOutcome outcome) {
        var next = new ArrayList<>(pending);
        next.add(outcome);
        while (next.size() > MAX_PENDING) {
            next.removeFirst();
        }
        return new LeadLearningState(segment, features, labels, next);
    }

    /**
     * The same lead without the outcomes kept before {@code cutoff}, the others stamped {@code now} where they carry
     * no time yet (state written before outcomes expired).
     */
    public LeadLearningState withPendingKeptSince(java.time.Instant cutoff, java.time.Instant now) {
        var kept = pending.stream().filter(outcome -> !outcome.keptBefore(cutoff))
                .map(outcome -> outcome.keptAt() == null ? new PendingOutcome(outcome.outcome(), outcome.reason(), now)
                        : outcome)
                .toList();
        return new LeadLearningState(segment, features, labels, kept);
    }

    public LeadLearningState withoutPending() {
        return new LeadLearningState(segment, features, labels, List.of());
    }
}
