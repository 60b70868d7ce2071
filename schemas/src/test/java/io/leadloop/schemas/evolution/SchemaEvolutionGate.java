package io.leadloop.schemas.evolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

import io.leadloop.schemas.Compatibility;
import io.leadloop.schemas.evolution.ReleasedSchemas.Release;

/**
 * Decides whether a schema keeps its {@link Compatibility} promise towards released versions, with Avro's own
 * schema resolution rules ({@link SchemaCompatibility}), and says in words what breaks and how to fix it.
 */
public final class SchemaEvolutionGate {

    private SchemaEvolutionGate() {
    }

    /**
     * Empty when {@code candidate} keeps the promise towards every one of {@code releases} (not just the last, so
     * compatibility holds transitively); otherwise a report naming each release, direction and field that breaks.
     */
    public static Optional<String> check(String event, Schema candidate, List<Release> releases, Compatibility promise) {
        var problems = new ArrayList<String>();
        for (Release release : releases) {
            // BACKWARD: a consumer on the candidate reads what producers of the release wrote.
            problems.addAll(describe(release, "a consumer on the new schema cannot read " + release.label() + " events",
                    candidate, release.schema()));
            if (promise == Compatibility.FULL) {
                // FORWARD: a consumer still on the release reads what the candidate writes.
                problems.addAll(describe(release, "a consumer still on " + release.label()
                        + " cannot read events written with the new schema", release.schema(), candidate));
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(event + " breaks its " + promise + " compatibility promise (declared in "
                + "io.leadloop.schemas.Compatibility) towards the released schemas in " + ReleasedSchemas.directory() + ":\n"
                + String.join("\n", problems) + "\n"
                + "How to fix: give every added field a default (an optional value is [\"null\", <type>] with \"default\": "
                + "null); do not remove or rename a field that has no default (rename with \"aliases\"); keep enum symbols "
                + "and give enums a \"default\" symbol; change a type only by Avro promotion (int->long->float->double, "
                + "string<->bytes). If the change must break, publish it on a new topic version (e.g. leads.captured.v2) "
                + "with its own schema instead of changing this one.");
    }

    private static List<String> describe(Release release, String direction, Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        var lines = new ArrayList<String>();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            lines.add("  - " + direction + ": " + incompatibility.getType() + " at field "
                    + fieldPath(reader, incompatibility.getLocation()) + " (" + incompatibility.getMessage() + ")");
        }
        return lines;
    }

    /** The reader-side JSON pointer Avro reports ({@code /fields/3/type/1/fields/0}) as a field path. */
    static String fieldPath(Schema reader, String location) {
        try {
            var path = new ArrayList<String>();
            Schema schema = reader;
            String[] tokens = location.split("/");
            for (int i = 1; i < tokens.length; i++) {
                String token = tokens[i];
                switch (token) {
                    case "fields" -> {
                        if (i + 1 == tokens.length) {
                            break;
                        }
                        Schema.Field field = schema.getFields().get(Integer.parseInt(tokens[++i]));
                        path.add(field.name());
                        schema = field.schema();
                    }
                    case "type", "name", "symbols", "size" -> { }
                    case "items" -> schema = schema.getElementType();
                    case "values" -> schema = schema.getValueType();
                    default -> schema = schema.getTypes().get(Integer.parseInt(token));
                }
            }
            return path.isEmpty() ? location : String.join(".", path) + " [" + location + "]";
        } catch (RuntimeException unexpectedShape) {
            return location;
        }
    }
}
