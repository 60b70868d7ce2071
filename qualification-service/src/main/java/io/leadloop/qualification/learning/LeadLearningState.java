package io.leadloop.qualification.learning;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What learning keeps per lead: the features it had when it was last scored (an outcome teaches about those, the
 * lead as sales saw it) and the label each target was already learned with, so a repeated outcome is not counted
 * twice and a corrected one replaces the earlier label.
 *
 * @param segment the model segment the lead belongs to
 * @param features the lead's features, distinct, in a stable order
 * @param labels target → label already learned
 */
public record LeadLearningState(String segment, List<String> features, Map<String, Boolean> labels) {

    public LeadLearningState {
        Objects.requireNonNull(segment, "segment");
        features = List.copyOf(features);
        labels = Map.copyOf(Objects.requireNonNullElse(labels, Map.of()));
    }

    /** The same lead re-scored (a new touch): new features, the labels learned so far kept. */
    public LeadLearningState withFeatures(String segment, List<String> features) {
        return new LeadLearningState(segment, features, labels);
    }

    public LeadLearningState withLabel(String target, boolean label) {
        var next = new TreeMap<>(labels);
        next.put(target, label);
        return new LeadLearningState(segment, features, next);
    }
}
