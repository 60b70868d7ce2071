package io.leadloop.qualification.streams;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.leadloop.events.FeatureInfluence;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LearnedProbability;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadStage;
import io.leadloop.events.Priority;
import io.leadloop.events.ScoreReason;
import io.leadloop.qualification.learning.Influence;
import io.leadloop.qualification.learning.Learner;
import io.leadloop.qualification.learning.Prediction;
import io.leadloop.qualification.scoring.LeadScore;

/** Turns a score into the {@link LeadScored} event, carrying the captured lead's snapshot along. */
final class LeadScoredEvents {

    private LeadScoredEvents() {
    }

    static LeadScored of(LeadCaptured captured, LeadScore score, List<Prediction> predictions, Learner active,
            int explanations, Instant scoredAt) {
        List<LearnedProbability> probabilities = predictions.stream()
                .map(prediction -> LearnedProbability.newBuilder()
                        .setTarget(prediction.target())
                        .setProbability(prediction.probability())
                        .setAlgorithm(prediction.algorithm())
                        .setModelVersion(prediction.modelVersion())
                        .setActive(prediction.algorithm().equals(active.algorithm()))
                        .setPushedUp(influences(prediction.pushedUp(explanations)))
                        .setPushedDown(influences(prediction.pushedDown(explanations)))
                        .build())
                .toList();
        String modelVersion = predictions.stream()
                .filter(prediction -> prediction.algorithm().equals(active.algorithm()) && prediction.examples() > 0)
                .map(Prediction::modelVersion)
                .findFirst().orElse(null);
        return withScore(LeadScored.newBuilder(), score)
                .setEventId(eventIdFor(captured, score.definitionVersion()))
                .setOccurredAt(scoredAt)
                .setLeadId(captured.getLeadId())
                .setLead(captured.getLead())
                .setProbabilities(probabilities)
                .setModelVersion(modelVersion)
                .setTrigger(CAPTURED)
                .build();
    }

    /** Why a score was made (the {@code trigger} field). */
    static final String CAPTURED = "captured";
    static final String DEFINITION_ACTIVATED = "definition-activated";

    /**
     * The lead re-scored under a newly active definition: a new score, stage, priority and reasons; the lead
     * snapshot, probabilities and model version of its last score.
     */
    static LeadScored rescored(LeadScored latest, LeadScore score, Instant scoredAt) {
        // Every field set from scratch, sharing the unchanged ones: newBuilder(latest) would deep-copy the whole
        // event (snapshot, probabilities), which measured as most of a re-score's cost.
        return withScore(LeadScored.newBuilder(), score)
                .setLeadId(latest.getLeadId())
                .setLead(latest.getLead())
                .setProbabilities(latest.getProbabilities())
                .setModelVersion(latest.getModelVersion())
                .setEventId(UUID.nameUUIDFromBytes(("leads.rescored:" + latest.getEventId() + ":"
                        + score.definitionVersion()).getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(scoredAt)
                .setTrigger(DEFINITION_ACTIVATED)
                .setPreviousStage(latest.getStage())
                .build();
    }

    /**
     * The fields a score decides, the same for a first score and a re-score: score, stage, priority, every rule's
     * reason, the definition version, grade and engagement.
     */
    private static LeadScored.Builder withScore(LeadScored.Builder builder, LeadScore score) {
        return builder
                .setScore(score.score())
                .setStage(LeadStage.valueOf(score.stage().name()))
                .setPriority(Priority.valueOf(score.priority().name()))
                .setReasons(score.reasons().stream()
                        .map(reason -> new ScoreReason(reason.rule(), reason.points(), reason.explanation()))
                        .toList())
                .setDefinitionVersion(score.definitionVersion())
                .setGrade(score.grade())
                .setEngagementScore(score.engagementScore());
    }

    private static List<FeatureInfluence> influences(List<Influence> influences) {
        return influences.stream().map(i -> new FeatureInfluence(i.feature(), i.logOdds())).toList();
    }

    /**
     * Derived from the captured event and the definition version, so scoring the same capture under the same
     * definition again (a replay, a retried transaction) yields the same id and consumers can de-duplicate.
     */
    static String eventIdFor(LeadCaptured captured, String definitionVersion) {
        String name = "leads.scored:" + captured.getEventId() + ":" + definitionVersion;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
