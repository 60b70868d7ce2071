package io.leadloop.qualification.web;

import java.time.Instant;
import java.util.List;

import io.leadloop.events.FeatureInfluence;
import io.leadloop.events.LeadScored;

/**
 * A lead's latest score as the API shows it: the verdict, every rule's contribution, and the definition behind it.
 *
 * @param scoredAt when qualification scored the lead (the {@code LeadScored} event's {@code occurredAt})
 * @param grade fit grade A-D (null for scores made before grades existed)
 * @param probabilities learned probabilities per target, the active model's first
 * @param modelVersion the active model's version, null before it learned anything
 * @param trigger {@code captured}, or {@code definition-activated} when a newly active definition changed its stage
 * @param previousStage for a re-score, the stage before it
 */
record LeadScoreResponse(
        String leadId,
        int score,
        String stage,
        String priority,
        List<Reason> reasons,
        String definitionVersion,
        Instant scoredAt,
        String grade,
        Integer engagementScore,
        List<Probability> probabilities,
        String modelVersion,
        String trigger,
        String previousStage) {

    /** One rule's contribution. */
    record Reason(String rule, int points, String explanation) {
    }

    /**
     * A learned probability at scoring time, and the features that pushed it up and down (log-odds).
     *
     * @param active false for the shadow model, shown for comparison
     */
    record Probability(String target, double probability, String algorithm, String modelVersion, boolean active,
            List<Influence> pushedUp, List<Influence> pushedDown) {
    }

    record Influence(String feature, double logOdds) {
    }

    static LeadScoreResponse from(LeadScored scored) {
        return new LeadScoreResponse(
                scored.getLeadId(),
                scored.getScore(),
                scored.getStage().name(),
                scored.getPriority().name(),
                scored.getReasons().stream()
                        .map(reason -> new Reason(reason.getRule(), reason.getPoints(), reason.getExplanation()))
                        .toList(),
                scored.getDefinitionVersion(),
                scored.getOccurredAt(),
                scored.getGrade(),
                scored.getEngagementScore(),
                scored.getProbabilities().stream()
                        .map(p -> new Probability(p.getTarget(), p.getProbability(), p.getAlgorithm(), p.getModelVersion(),
                                p.getActive(), influences(p.getPushedUp()), influences(p.getPushedDown())))
                        .toList(),
                scored.getModelVersion(),
                scored.getTrigger(),
                scored.getPreviousStage() == null ? null : scored.getPreviousStage().name());
    }

    private static List<Influence> influences(List<FeatureInfluence> influences) {
        return influences.stream().map(i -> new Influence(i.getFeature(), i.getLogOdds())).toList();
    }
}
