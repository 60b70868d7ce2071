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
 */
public record LeadScore(int score, QualificationStage stage, PriorityTier priority, List<RuleContribution> reasons,
        String definitionVersion) {

    public LeadScore {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(definitionVersion, "definitionVersion");
        reasons = List.copyOf(reasons);
    }
}
