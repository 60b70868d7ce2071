package io.leadloop.qualification.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of a lead definition on one lead, with every rule's contribution so it explains itself.
 *
 * @param score the sum of all rules' points (a disqualified lead keeps its score, for the record)
 * @param stage MQL, not qualified or disqualified
 * @param priority the tier handoff uses for its SLA; always COLD for a disqualified lead
 * @param reasons every scoring rule's contribution, then the disqualifiers that applied
 * @param definitionVersion the version of the definition that produced this score
 * @param grade fit grade A (best) to D, from the points of the fit rules
 * @param engagementScore the points of the engagement rules
 */
public record LeadScore(int score, QualificationStage stage, PriorityTier priority, List<RuleContribution> reasons,
        String definitionVersion, String grade, int engagementScore) {

    public LeadScore {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(definitionVersion, "definitionVersion");
        Objects.requireNonNull(grade, "grade");
        reasons = List.copyOf(reasons);
    }
}
