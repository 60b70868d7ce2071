package io.leadloop.qualification.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which features predict a rejection reason: among the leads sales rejected with a reason, how much more often a
 * feature appears with this reason than with the others (smoothed log ratio), so marketing sees e.g. which sources
 * bring "bad contact data".
 *
 * @param reasonCode the reason's code, e.g. {@code bad-contact-data}
 * @param rejections leads rejected with this reason
 * @param allRejections leads rejected with any reason
 * @param predictors the features most typical of this reason, strongest first
 */
public record RejectionReasonPredictors(String reasonCode, long rejections, long allRejections, List<Predictor> predictors) {

    /** A minimum of rejections with the feature, so one odd lead does not top the list. */
    static final int MIN_SUPPORT = 2;

    /**
     * @param withReason rejections with this reason that had the feature
     * @param withAnyReason rejections with any reason that had the feature
     * @param logOdds smoothed log of (share among this reason's rejections / share among the other rejections)
     */
    public record Predictor(String feature, long withReason, long withAnyReason, double logOdds) {
    }

    /**
     * @param reasonFeatureCounts feature → rejections with this reason having it (the model's {@code c+} counts)
     */
    public static RejectionReasonPredictors of(String segment, String reasonCode, Map<String, Double> reasonFeatureCounts,
            ParameterSource parameters, int limit) {
        String target = OutcomeLabels.rejectedFor(reasonCode);
        double withReason = parameters.get(Learner.key(NaiveBayes.ALGORITHM, segment, target, "n+", ""));
        double all = parameters.get(Learner.key(NaiveBayes.ALGORITHM, segment, OutcomeLabels.ANY_REASON, "n+", ""));
        double others = Math.max(0, all - withReason);
        List<Predictor> predictors = new ArrayList<>();
        reasonFeatureCounts.forEach((feature, count) -> {
            if (count < MIN_SUPPORT) {
                return;
            }
            double any = parameters.get(Learner.key(NaiveBayes.ALGORITHM, segment, OutcomeLabels.ANY_REASON, "c+", feature));
            double otherCount = Math.max(0, any - count);
            double logOdds = Math.log((count + 1) / (withReason + 2)) - Math.log((otherCount + 1) / (others + 2));
            predictors.add(new Predictor(feature, Math.round(count), Math.round(any), logOdds));
        });
        predictors.sort(Comparator.comparingDouble(Predictor::logOdds).reversed());
        return new RejectionReasonPredictors(reasonCode, Math.round(withReason), Math.round(all),
                predictors.stream().limit(limit).toList());
    }

    /** The key prefix under which this reason's per-feature counts are stored. */
    public static String featureCountPrefix(String segment, String reasonCode) {
        return Learner.key(NaiveBayes.ALGORITHM, segment, OutcomeLabels.rejectedFor(reasonCode), "c+", "");
    }
}
