package io.leadloop.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service jar extracted into plain jars (Spring Boot's {@code -Djarmode=tools extract}) next to a class-data-sharing
 * archive, so that every start after the first maps the classes the previous run loaded instead of loading, parsing
 * and verifying them again.
 *
 * <p>Why: the four services start at once on two cores, and class loading is most of what a Spring Boot start costs.
 * The JVM writes the archive itself when the first run exits normally ({@code -XX:+AutoCreateSharedArchive},
 * JDK 19+), and discards and rewrites it when it no longer matches (another JDK, another build). The class-data
 * archive records the class path's jars by path, size and time, so the extracted jars are left untouched while the
 * source jar is unchanged, and re-extracted (archive deleted) when it changed. Spring Boot documents this layout
 * ("Class Data Sharing" in its efficient-deployments guide); no library does the bookkeeping, hence this class.
 */
final class ExtractedApplication {

    private static final String STAMP = ".extracted-from";

    private final Path directory;
    private final String name;

    ExtractedApplication(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    Path jar() {
        return directory.resolve(name + ".jar");
    }

    Path archive() {
        return directory.resolveSibling(name + ".jsa");
    }

    List<String> sharingOptions() {
        return sharingOptions(archive());
    }

    /**
     * The JVM flags that map {@code archive} if it matches this JVM and class path, and (re)write it at exit if not.
     * Also for the broker, whose class path ({@code libs/*} of the Kafka distribution) is plain jars already.
     */
    static List<String> sharingOptions(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
                // A mismatching archive is expected after a rebuild: rewritten quietly, not warned about on stdout.
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** Extracts {@code source} unless this directory already holds exactly that build. */
    void refreshFrom(Path source) throws IOException, InterruptedException {
        String stamp = source.toAbsolutePath() + "|" + Files.size(source) + "|" + Files.getLastModifiedTime(source).toMillis();
        Path stampFile = directory.resolve(STAMP);
        if (Files.isRegularFile(jar()) && Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
            return;
        }
        deleteRecursively(directory);
        Files.deleteIfExists(archive());
        Files.createDirectories(directory.getParent());
        Path log = directory.resolveSibling(name + "-extract.log");
        Process extract = new ProcessBuilder(PartDefinition.java().toString(), "-Djarmode=tools", "-jar",
                source.toString(), "extract", "--destination", directory.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IOException("Could not extract " + source + " (see " + log + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
