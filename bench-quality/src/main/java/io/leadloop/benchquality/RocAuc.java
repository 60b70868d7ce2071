package io.leadloop.benchquality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The area under the ROC curve: the probability that a randomly chosen positive gets a higher score than a randomly
 * chosen negative (ties count half) — computed from ranks (Mann-Whitney U), O(n log n).
 */
final class RocAuc {

    record Scored(double score, boolean positive) {
    }

    private RocAuc() {
    }

    /** NaN when there are no positives or no negatives: the AUC is undefined then. */
    static double of(List<Scored> scored) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::score));
        double positiveRankSum = 0;
        long positives = 0;
        long negatives = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).score() == sorted.get(i).score()) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (sorted.get(k).positive()) {
                    positiveRankSum += averageRank;
                    positives++;
                } else {
                    negatives++;
                }
            }
            i = j;
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
