package io.leadloop.qualification.streams;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.leadloop.events.LeadDefinitionApproval;
import io.leadloop.events.LeadDefinitionChange;
import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.qualification.definitions.Approval;
import io.leadloop.qualification.definitions.DefinitionState;

/** Maps a definition version's state to the event that carries it on the compacted topic, and back. */
final class LeadDefinitionEvents {

    private LeadDefinitionEvents() {
    }

    static LeadDefinitionChanged of(DefinitionState state, LeadDefinitionChange kind, String actor, Instant at) {
        return LeadDefinitionChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .setDefinitionVersion(state.version())
                .setKind(kind)
                .setActor(actor)
                .setProposedBy(state.proposedBy())
                .setProposedAt(state.proposedAt().truncatedTo(ChronoUnit.MILLIS))
                .setDocument(state.document())
                .setApprovals(state.approvals().stream()
                        .map(approval -> LeadDefinitionApproval.newBuilder()
                                .setApprover(approval.approver())
                                .setTeam(approval.team())
                                .setApprovedAt(approval.approvedAt().truncatedTo(ChronoUnit.MILLIS))
                                .build())
                        .toList())
                .setActivatedAt(state.activatedAt() == null ? null : state.activatedAt().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    /** The state an event carries: each event carries the version's whole state. */
    static DefinitionState stateOf(LeadDefinitionChanged event) {
        return new DefinitionState(event.getDefinitionVersion(), event.getDocument(), event.getProposedBy(),
                event.getProposedAt(),
                event.getApprovals().stream()
                        .map(approval -> new Approval(approval.getApprover(), approval.getTeam(), approval.getApprovedAt()))
                        .toList(),
                event.getActivatedAt());
    }
}
