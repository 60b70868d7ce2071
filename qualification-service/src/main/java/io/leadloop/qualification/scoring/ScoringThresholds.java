package io.leadloop.qualification.scoring;

/**
 * The score lines that turn points into a stage and a priority, kept apart from the rules so marketing and sales
 * can move a line without rewriting a rule.
 *
 * @param mql a lead with at least this score is an MQL
 * @param hot at least this score is {@link PriorityTier#HOT}
 * @param warm at least this score (and below {@code hot}) is {@link PriorityTier#WARM}; below it, COLD
 */
public record ScoringThresholds(int mql, int hot, int warm) {

    /** The lines of the built-in definition: MQL at 50, HOT from 75, WARM from 50. */
    public static final ScoringThresholds DEFAULT = new ScoringThresholds(50, 75, 50);

    public ScoringThresholds {
        if (hot < warm) {
            throw new IllegalArgumentException("The HOT threshold (" + hot + ") must not be below the WARM one (" + warm + ")");
        }
    }

    PriorityTier priorityOf(int score) {
        if (score >= hot) {
            return PriorityTier.HOT;
        }
        return score >= warm ? PriorityTier.WARM : PriorityTier.COLD;
    }
}
