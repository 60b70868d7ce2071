package io.leadloop.qualification.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

import io.leadloop.qualification.definitions.DefinitionDocument;

/** What a proposed version changes against the active one, field by field. */
record LeadDefinitionDiffResponse(String version, String activeVersion, List<Change> changes) {

    /**
     * @param path JSON pointer of the field
     * @param active its value in the active definition (null: absent)
     * @param proposed its value in this version (null: absent)
     */
    record Change(String path, JsonNode active, JsonNode proposed) {

        static Change of(DefinitionDocument.Change change) {
            return new Change(change.path(), change.active(), change.proposed());
        }
    }
}
