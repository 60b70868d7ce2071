package io.leadloop.qualification.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learners the service runs side by side: the active one, whose probabilities the lead definition and the
 * reader see, and a shadow (challenger) learning from the same outcomes, so the two can be compared on live data.
 *
 * @param active the learner whose probabilities count
 * @param shadow the challenger, or {@code null} for none
 * @param targets the targets predicted on every lead ({@code accepted}, {@code won})
 */
public record LeadModels(Learner active, Learner shadow, List<String> targets) {

    public static final List<String> DEFAULT_TARGETS = List.of(OutcomeLabels.ACCEPTED, OutcomeLabels.WON);
    private static final NaiveBayes REASON_COUNTS = new NaiveBayes();

    public LeadModels {
        targets = List.copyOf(targets);
    }

    public static Learner named(String algorithm) {
        return switch (algorithm) {
            case NaiveBayes.ALGORITHM -> new NaiveBayes();
            case OnlineLogisticRegression.ALGORITHM -> new OnlineLogisticRegression();
            default -> throw new IllegalArgumentException("Unknown learning algorithm '" + algorithm + "'; known: "
                    + NaiveBayes.ALGORITHM + ", " + OnlineLogisticRegression.ALGORITHM);
        };
    }

    /** Whether scoring reads this parameter, i.e. whether it must be published to the model every instance reads. */
    public boolean neededToPredict(String key) {
        for (Learner learner : all()) {
            if (key.startsWith(learner.algorithm() + "|")) {
                return learner.neededToPredict(key);
            }
        }
        return true;
    }

    public List<Learner> all() {
        return shadow == null ? List.of(active) : List.of(active, shadow);
    }

    /** Every target's probability from every learner, the active learner's first. */
    public List<Prediction> predict(String segment, Collection<String> features, ParameterSource parameters) {
        List<Prediction> predictions = new ArrayList<>();
        for (Learner learner : all()) {
            for (String target : targets) {
                predictions.add(learner.predict(segment, target, features, parameters));
            }
        }
        return predictions;
    }

    /** Lets every learner learn one labelled outcome; returns all changed parameters. */
    public Map<String, Double> learn(String segment, String target, Set<String> features, boolean positive,
            Boolean previous, ParameterSource parameters) {
        if (OutcomeLabels.isRejectionReason(target)) {
            // Reasons are counted, not predicted per lead: which features are frequent among the rejections with
            // this reason compared with all rejections (see RejectionReasonPredictors).
            return REASON_COUNTS.learn(segment, target, features, positive, previous, parameters);
        }
        var changed = new java.util.HashMap<String, Double>();
        for (Learner learner : all()) {
            // Read our own pending writes first: both learners' keys are disjoint, but keep the contract simple.
            ParameterSource view = key -> changed.containsKey(key) ? changed.get(key) : parameters.get(key);
            changed.putAll(learner.learn(segment, target, features, positive, previous, view));
        }
        return changed;
    }
}
