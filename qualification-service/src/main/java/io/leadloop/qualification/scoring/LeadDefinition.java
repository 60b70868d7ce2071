package io.leadloop.qualification.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What marketing and sales agreed a qualified lead is: scoring rules, disqualifiers and thresholds, under a version
 * that every score names. Immutable, so a score can always be traced back to the exact definition behind it.
 */
public final class LeadDefinition {

    private final String version;
    private final List<ScoringRule> rules;
    private final List<Disqualifier> disqualifiers;
    private final ScoringThresholds thresholds;

    public LeadDefinition(String version, List<ScoringRule> rules, List<Disqualifier> disqualifiers,
            ScoringThresholds thresholds) {
        this.version = Objects.requireNonNull(version, "version");
        this.rules = List.copyOf(rules);
        this.disqualifiers = List.copyOf(disqualifiers);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public String version() {
        return version;
    }

    public ScoringThresholds thresholds() {
        return thresholds;
    }

    /** Scores a lead: adds every rule's points, then lets any disqualifier overrule the stage. */
    public LeadScore score(LeadProfile lead) {
        List<RuleContribution> reasons = new ArrayList<>();
        int score = 0;
        for (ScoringRule rule : rules) {
            RuleContribution contribution = rule.evaluate(lead);
            reasons.add(contribution);
            score += contribution.points();
        }
        List<RuleContribution> disqualifications = disqualifiers.stream()
                .map(disqualifier -> disqualifier.disqualifies(lead))
                .flatMap(Optional::stream)
                .toList();
        reasons.addAll(disqualifications);
        String grade = gradeOf(pointsOf(reasons, FIT_RULES));
        int engagement = pointsOf(reasons, ENGAGEMENT_RULES);
        if (!disqualifications.isEmpty()) {
            return new LeadScore(score, QualificationStage.DISQUALIFIED, PriorityTier.COLD, reasons, version, grade,
                    engagement);
        }
        QualificationStage stage = score >= thresholds.mql() ? QualificationStage.MQL : QualificationStage.NOT_QUALIFIED;
        return new LeadScore(score, stage, thresholds.priorityOf(score), reasons, version, grade, engagement);
    }

    /** Fit rules' ids start with this; their points make the grade. */
    static final String FIT_RULES = "fit.";
    /** Engagement rules' ids start with this; their points make the engagement score. */
    static final String ENGAGEMENT_RULES = "engagement.";

    private static int pointsOf(List<RuleContribution> reasons, String prefix) {
        return reasons.stream().filter(r -> r.rule().startsWith(prefix)).mapToInt(RuleContribution::points).sum();
    }

    /**
     * A (senior buyer at a sizeable company with a corporate domain) to D (nothing known that fits); the lines sit
     * where the built-in fit rules' typical combinations fall (senior + mid-size + corporate = 45).
     */
    static String gradeOf(int fitPoints) {
        if (fitPoints >= 40) {
            return "A";
        }
        if (fitPoints >= 25) {
            return "B";
        }
        return fitPoints >= 10 ? "C" : "D";
    }
}
