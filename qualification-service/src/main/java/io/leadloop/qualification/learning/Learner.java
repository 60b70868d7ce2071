package io.leadloop.qualification.learning;

import java.util.Collection;
import java.util.Map;

/**
 * Learns, per segment and target, the probability of an outcome from a lead's features, one outcome at a time.
 * Stateless itself: parameters live wherever the {@link ParameterSource} reads them from (a state store), and
 * {@link #learn} returns the parameters it changed so the caller can write them back and publish them.
 */
public interface Learner {

    /** A stable name, part of every parameter key and of the model version. */
    String algorithm();

    /** The probability of {@code target} for a lead with these features, from what was learned so far. */
    Prediction predict(String segment, String target, Collection<String> features, ParameterSource parameters);

    /**
     * Learns one outcome; {@code previous} is the label this lead was already learned with for this target (a
     * corrected outcome), or {@code null}. Returns the changed parameters (key → new value).
     */
    Map<String, Double> learn(String segment, String target, Collection<String> features, boolean positive,
            Boolean previous, ParameterSource parameters);

    /**
     * Whether {@code predict} reads this parameter (one of this learner's keys). Only those are published to the
     * model every instance scores with; the rest (e.g. AdaGrad's squared gradients) is the writer's own state.
     */
    default boolean neededToPredict(String key) {
        return true;
    }

    /** Parameter keys are {@code <algorithm>|<segment>|<target>|<kind>|<feature>}. */
    static String key(String algorithm, String segment, String target, String kind, String feature) {
        return algorithm + "|" + segment + "|" + target + "|" + kind + "|" + feature;
    }

    /** The key prefix of one model, e.g. to read all its parameters. */
    static String modelPrefix(String algorithm, String segment, String target) {
        return algorithm + "|" + segment + "|" + target + "|";
    }
}
