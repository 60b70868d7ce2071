package io.leadloop.qualification.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Naive Bayes over feature counts with Laplace smoothing, as Odoo's predictive lead scoring does: per class, how
 * often each feature value was seen. Counts only ever add up, so learning is a commutative sum — cheap to spread
 * and to correct (a changed outcome moves the lead's counts from one class to the other).
 *
 * <p>A feature never seen with an outcome is left out rather than smoothed to "rare in both classes", which would
 * otherwise push every unseen value towards the larger class.
 */
public final class NaiveBayes implements Learner {

    public static final String ALGORITHM = "naive-bayes";
    private static final double ALPHA = 1.0;

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public Prediction predict(String segment, String target, Collection<String> features, ParameterSource parameters) {
        double positives = parameters.get(key(segment, target, "n+", ""));
        double negatives = parameters.get(key(segment, target, "n-", ""));
        double logOdds = Math.log((positives + ALPHA) / (negatives + ALPHA));
        List<Influence> influences = new ArrayList<>();
        for (String feature : features) {
            double withPositive = parameters.get(key(segment, target, "c+", feature));
            double withNegative = parameters.get(key(segment, target, "c-", feature));
            if (withPositive + withNegative <= 0) {
                continue;
            }
            double contribution = Math.log((withPositive + ALPHA) / (positives + 2 * ALPHA))
                    - Math.log((withNegative + ALPHA) / (negatives + 2 * ALPHA));
            logOdds += contribution;
            influences.add(new Influence(feature, contribution));
        }
        return new Prediction(target, ALGORITHM, Sigmoid.of(logOdds), Math.round(positives + negatives), influences);
    }

    @Override
    public Map<String, Double> learn(String segment, String target, Collection<String> features, boolean positive,
            Boolean previous, ParameterSource parameters) {
        Map<String, Double> changed = new HashMap<>();
        if (previous != null) {
            if (previous == positive) {
                return changed;
            }
            count(segment, target, features, previous, -1, parameters, changed);
        }
        count(segment, target, features, positive, +1, parameters, changed);
        return changed;
    }

    private static void count(String segment, String target, Collection<String> features, boolean positive, int delta,
            ParameterSource parameters, Map<String, Double> changed) {
        String sign = positive ? "+" : "-";
        add(key(segment, target, "n" + sign, ""), delta, parameters, changed);
        for (String feature : features) {
            add(key(segment, target, "c" + sign, feature), delta, parameters, changed);
        }
    }

    private static void add(String key, int delta, ParameterSource parameters, Map<String, Double> changed) {
        double current = changed.containsKey(key) ? changed.get(key) : parameters.get(key);
        changed.put(key, Math.max(0, current + delta));
    }

    private static String key(String segment, String target, String kind, String feature) {
        return Learner.key(ALGORITHM, segment, target, kind, feature);
    }
}
