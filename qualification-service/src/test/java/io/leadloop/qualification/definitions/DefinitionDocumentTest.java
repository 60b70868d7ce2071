package io.leadloop.qualification.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import io.leadloop.qualification.scoring.DefinitionParameters;

class DefinitionDocumentTest {

    private static final DefinitionDocument BUILTIN = DefinitionDocument.of("builtin-1", DefinitionParameters.BUILTIN);

    /** The built-in document under another version, with one replacement applied to its JSON. */
    static String builtinAs(String version, String from, String to) {
        String json = BUILTIN.json().replace("\"version\":\"builtin-1\"", "\"version\":\"" + version + "\"");
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    @Test
    void readsBackTheBuiltinDocumentAsTheBuiltinParameters() {
        DefinitionDocument parsed = DefinitionDocument.parse(builtinAs("2026-q2", "\"mqlThreshold\":50", "\"mqlThreshold\":50"));

        assertThat(parsed.version()).isEqualTo("2026-q2");
        assertThat(parsed.parameters()).isEqualTo(DefinitionParameters.BUILTIN);
    }

    @Test
    void namesEveryBadFieldByItsJsonPointer() {
        String json = builtinAs("bad version!", "\"visits\":{\"atLeast\":3,\"points\":10}",
                "\"visits\":{\"atLeast\":0,\"points\":\"ten\"}")
                .replace("\"hot\":75", "\"hot\":40")
                .replace("\"noConsent\":true", "\"noConsent\":\"yes\",\"colour\":\"blue\"");

        InvalidDefinitionException invalid = catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionDocument.parse(json));

        assertThat(invalid.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
                "/version", "/priority/hot", "/rules/visits/atLeast", "/rules/visits/points",
                "/disqualifiers/noConsent", "/disqualifiers/colour");
    }

    @Test
    void namesMissingSectionsAndRejectsWhatIsNotJson() {
        assertThat(catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionDocument.parse("{\"version\": \"v2\", \"mqlThreshold\": 60}")).violations())
                .extracting(Violation::pointer).containsExactly("/priority", "/rules", "/disqualifiers");
        assertThat(catchThrowableOfType(InvalidDefinitionException.class,
                () -> DefinitionDocument.parse("{not json")).violations())
                .extracting(Violation::pointer).containsExactly("");
    }

    @Test
    void diffListsOnlyTheChangedFieldsWithBothValues() {
        DefinitionDocument proposed = DefinitionDocument.parse(builtinAs("v2", "\"mqlThreshold\":50", "\"mqlThreshold\":60")
                .replace("{\"minEmployees\":10,\"points\":5}", "{\"minEmployees\":10,\"points\":8}"));

        assertThat(proposed.changesAgainst(BUILTIN))
                .extracting(change -> change.path() + ": " + change.active() + " -> " + change.proposed())
                .containsExactly("/mqlThreshold: 50 -> 60", "/rules/companySize/2/points: 5 -> 8");
    }
}
