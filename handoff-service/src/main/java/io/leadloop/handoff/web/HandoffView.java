package io.leadloop.handoff.web;

import java.time.Instant;
import java.util.List;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.handoff.assignment.HandoffLookup.Handoff;
import io.leadloop.handoff.assignment.LeadState;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of {@code GET /api/v1/handoffs/{leadId}}: who owns the lead, why, and by when they must act. */
@Schema(name = "Handoff", description = "A qualified lead handed to a sales rep, with its SLA due time and status")
record HandoffView(
        String leadId,
        @Schema(description = "The current owner (after any reassignment)", example = "rep-bo") String ownerRepId,
        @Schema(example = "round robin: rep-bo was next of 3 eligible reps (territory DE)") String routingReason,
        @Schema(example = "ROUND_ROBIN") String routingRule,
        @Schema(description = "Every routing rule in order: matched or not, and why") List<String> routingTrace,
        @Schema(description = "When the current owner's first touch is due (ISO-8601, UTC)") Instant slaDueAt,
        @Schema(example = "RUNNING", description = "RUNNING, BREACHED, MET, MET_LATE") String slaStatus,
        @Schema(example = "OPEN", description = "OPEN, CLOSED, RECYCLED") String status,
        Instant handedOffAt,
        @Schema(description = "Owners an escalation took the lead from") List<String> previousOwners,
        int handoffNumber,
        @Schema(example = "HOT") String priority,
        int score) {

    static HandoffView of(Handoff handoff) {
        LeadHandedOff event = handoff.handedOff();
        LeadState state = handoff.state();
        return new HandoffView(event.getLeadId(),
                state == null ? event.getOwnerRepId() : state.ownerRepId(),
                event.getRoutingReason(), event.getRoutingRule(), event.getRoutingTrace(),
                state == null ? event.getSlaDueAt() : state.slaDueAt(),
                state == null ? null : state.sla().name(),
                state == null ? null : state.status().name(),
                event.getOccurredAt(),
                state == null ? List.of() : state.previousOwners(),
                event.getHandoffNumber(), event.getPriority().name(), event.getScore());
    }
}
