package io.leadloop.qualification.web;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.leadloop.qualification.definitions.Approval;
import io.leadloop.qualification.definitions.DefinitionDocument;
import io.leadloop.qualification.definitions.DefinitionState;

/**
 * A definition version as the API shows it.
 *
 * @param status {@code active} (leads are scored with it), {@code proposed} (waiting for approvals) or
 *        {@code retired} (was active, another was activated after it)
 */
record LeadDefinitionResponse(String version, String status, JsonNode document, String proposedBy,
        Instant proposedAt, List<Approval> approvals, Instant activatedAt) {

    static LeadDefinitionResponse of(DefinitionState state, boolean active) {
        String status = active ? "active" : state.activated() ? "retired" : "proposed";
        return new LeadDefinitionResponse(state.version(), status, DefinitionDocument.parse(state.document()).tree(),
                state.proposedBy(), state.proposedAt(), state.approvals(), state.activatedAt());
    }
}
