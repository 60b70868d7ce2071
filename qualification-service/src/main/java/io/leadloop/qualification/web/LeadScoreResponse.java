package io.leadloop.qualification.web;

import java.time.Instant;
import java.util.List;

import io.leadloop.events.LeadScored;

/**
 * A lead's latest score as the API shows it: the verdict, every rule's contribution, and the definition behind it.
 *
 * @param scoredAt when qualification scored the lead (the {@code LeadScored} event's {@code occurredAt})
 */
record LeadScoreResponse(
        String leadId,
        int score,
        String stage,
        String priority,
        List<Reason> reasons,
        String definitionVersion,
        Instant scoredAt) {

    /** One rule's contribution. */
    record Reason(String rule, int points, String explanation) {
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
                scored.getOccurredAt());
    }
}
