package io.leadloop.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The released versions of the event schemas, the contract kept in {@code schemas/src/main/avro-released} as
 * {@code <Event>.v<N>.avsc}: each fully resolved (named types inlined), so a file alone is the schema a producer
 * of that release wrote with. Written only by {@link ReleaseSchemas}, never edited by hand.
 */
public final class ReleasedSchemas {

    /** Set by the build (schemas/pom.xml) to the module's {@code src/main/avro-released}. */
    public static final String DIRECTORY_PROPERTY = "leadloop.released-schemas.dir";

    private static final Pattern FILE_NAME = Pattern.compile("(\\w+)\\.v(\\d+)\\.avsc");

    /** One released version of one event's schema. */
    public record Release(String event, int version, Path file, Schema schema) {

        public String label() {
            return event + ".v" + version;
        }
    }

    private ReleasedSchemas() {
    }

    public static Path directory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "src/main/avro-released"));
    }

    public static String fileName(String event, int version) {
        return event + ".v" + version + ".avsc";
    }

    /** Every released version of the event (its record's simple name), oldest first; empty when never released. */
    public static List<Release> of(String event) {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("No released schemas at " + dir.toAbsolutePath() + " (set -D"
                    + DIRECTORY_PROPERTY + " when running outside the schemas module)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> {
                        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                        return name.matches() && name.group(1).equals(event)
                                ? new Release(event, Integer.parseInt(name.group(2)), file, parse(file)) : null;
                    })
                    .filter(release -> release != null)
                    .sorted(Comparator.comparingInt(Release::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Release> latest(String event) {
        List<Release> releases = of(event);
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.getLast());
    }

    private static Schema parse(Path file) {
        try {
            // A fresh parser per file: each release stands alone and may redefine the same named types.
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read released schema " + file, e);
        }
    }
}
