package io.leadloop.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.leadloop.schemas.Compatibility;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;

/**
 * Releases event schemas: snapshots the current (fully resolved) schema of each named event as its next version,
 * {@code src/main/avro-released/<Event>.v<N+1>.avsc}, from then on the contract the evolution gate holds changes to.
 * Run it when a schema change ships (it refuses a change that breaks the promise, and skips an unchanged schema):
 *
 * <pre>
 * mvn -o -q -pl schemas test -Dtest=ReleaseSchemas -Drelease=LeadCaptured,LeadHandedOff   # or -Drelease=all
 * </pre>
 *
 * Not part of the normal build (its name is not a test name, and it only runs with {@code -Drelease}), so the build
 * never writes into {@code src/}. Commit the new files with the schema change.
 */
class ReleaseSchemas {

    @Test
    @EnabledIfSystemProperty(named = "release", matches = ".+")
    void releasesTheCurrentSchemasOfTheNamedEvents() throws IOException {
        Set<String> wanted = Arrays.stream(System.getProperty("release").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        List<String> known = Topics.ALL.stream().map(topic -> topic.valueType().getSimpleName()).toList();
        assertThat(known).as("events to release (-Drelease=...)").containsAll(wanted.contains("all") ? Set.of() : wanted);

        var done = new ArrayList<String>();
        for (Topic<?> topic : Topics.ALL) {
            String event = topic.valueType().getSimpleName();
            if (wanted.contains("all") || wanted.contains(event)) {
                done.add(release(topic, event));
            }
        }
        done.forEach(System.out::println);
    }

    private static String release(Topic<?> topic, String event) throws IOException {
        Schema current = SpecificData.get().getSchema(topic.valueType());
        List<ReleasedSchemas.Release> releases = ReleasedSchemas.of(event);
        if (!releases.isEmpty() && releases.getLast().schema().equals(current)) {
            return event + ": unchanged since " + releases.getLast().label() + ", nothing released";
        }
        Compatibility promise = Compatibility.promisedFor(topic);
        SchemaEvolutionGate.check(event, current, releases, promise).ifPresent(report -> {
            throw new IllegalStateException("Refusing to release " + event + ":\n" + report);
        });
        int version = releases.isEmpty() ? 1 : releases.getLast().version() + 1;
        Path file = ReleasedSchemas.directory().resolve(ReleasedSchemas.fileName(event, version));
        Files.createDirectories(file.getParent());
        Files.writeString(file, current.toString(true) + "\n");
        return event + ": released as " + file;
    }
}
