package io.leadloop.qualification.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Logistic regression over one-hot features, learned one outcome at a time with AdaGrad (a per-feature step size
 * that shrinks as the feature is seen more), so rare and frequent feature values both converge without tuning a
 * schedule. Unlike naive Bayes it accounts for correlated features (visits and page views say much the same), but
 * each step depends on the previous ones: the updates of one model must be applied in order, by one writer.
 *
 * <p>A corrected outcome is learned as one more example; the earlier one cannot be taken back.
 */
public final class OnlineLogisticRegression implements Learner {

    public static final String ALGORITHM = "logistic-regression";
    static final String BIAS = "(bias)";
    private static final double LEARNING_RATE = 0.3;
    private static final double L2 = 1e-4;
    private static final String SQUARES = "g2";

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public Prediction predict(String segment, String target, Collection<String> features, ParameterSource parameters) {
        double logOdds = parameters.get(key(segment, target, "w", BIAS));
        List<Influence> influences = new ArrayList<>();
        for (String feature : features) {
            double weight = parameters.get(key(segment, target, "w", feature));
            if (weight != 0) {
                logOdds += weight;
                influences.add(new Influence(feature, weight));
            }
        }
        long examples = Math.round(parameters.get(key(segment, target, "examples", "")));
        return new Prediction(target, ALGORITHM, Sigmoid.of(logOdds), examples, influences);
    }

    @Override
    public Map<String, Double> learn(String segment, String target, Collection<String> features, boolean positive,
            Boolean previous, ParameterSource parameters) {
        double probability = predict(segment, target, features, parameters).probability();
        double gradient = probability - (positive ? 1 : 0);
        Map<String, Double> changed = new HashMap<>();
        List<String> active = new ArrayList<>(features.size() + 1);
        active.add(BIAS);
        active.addAll(features);
        for (String feature : active) {
            String weightKey = key(segment, target, "w", feature);
            String squaresKey = key(segment, target, SQUARES, feature);
            double weight = parameters.get(weightKey);
            double squares = parameters.get(squaresKey) + gradient * gradient;
            double step = LEARNING_RATE / Math.sqrt(squares + 1e-8);
            changed.put(weightKey, weight - step * (gradient + L2 * weight));
            changed.put(squaresKey, squares);
        }
        String examplesKey = key(segment, target, "examples", "");
        changed.put(examplesKey, parameters.get(examplesKey) + 1);
        return changed;
    }

    /**
     * The squared gradients only steer the writer's steps: publishing them doubled what every outcome sends through
     * the model topic (measured: the model lagged thousands of outcomes behind in the bench-quality replay).
     */
    @Override
    public boolean neededToPredict(String key) {
        String[] parts = key.split("\\|", 5);
        return parts.length < 4 || !parts[3].equals(SQUARES);
    }

    private static String key(String segment, String target, String kind, String feature) {
        return Learner.key(ALGORITHM, segment, target, kind, feature);
    }
}
