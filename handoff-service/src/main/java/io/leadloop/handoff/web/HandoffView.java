package io.leadloop.handoff.web;

import java.time.Instant;

import io.leadloop.events.LeadHandedOff;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of {@code GET /api/v1/handoffs/{leadId}}: who owns the lead, why, and by when they must act. */
@Schema(name = "Handoff", description = "A qualified lead handed to a sales rep, with its SLA due time")
record HandoffView(
        String leadId,
        @Schema(example = "rep-bo") String ownerRepId,
        @Schema(example = "round robin: rep-bo was next of 3 eligible reps (after rep-ana)") String routingReason,
        @Schema(description = "When the rep's first touch is due (ISO-8601, UTC)") Instant slaDueAt,
        Instant handedOffAt,
        @Schema(example = "HOT") String priority,
        int score) {

    static HandoffView of(LeadHandedOff handedOff) {
        return new HandoffView(handedOff.getLeadId(), handedOff.getOwnerRepId(), handedOff.getRoutingReason(),
                handedOff.getSlaDueAt(), handedOff.getOccurredAt(), handedOff.getPriority().name(),
                handedOff.getScore());
    }
}
