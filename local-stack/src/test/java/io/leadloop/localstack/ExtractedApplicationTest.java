package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedApplicationTest {

    /** The smallest service jar the reactor built before this module; skipped when it was not built. */
    private static final Path SERVICE_JAR = StackConfig.locateRoot()
            .resolve("feedback-service/target/feedback-service.jar");

    @Test
    void extractsOnceAndAgainOnlyWhenTheBuildChangedDroppingTheStaleArchive(@TempDir Path run) throws Exception {
        assumeTrue(Files.isRegularFile(SERVICE_JAR), "feedback-service jar not built");
        Path source = Files.copy(SERVICE_JAR, run.resolve("source.jar"));
        var app = new ExtractedApplication(run.resolve("app"), "source");

        app.refreshFrom(source);
        assertThat(app.jar()).isRegularFile();
        assertThat(run.resolve("app/lib")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("spring-kafka"));
        FileTime extractedAt = Files.getLastModifiedTime(app.jar());
        Files.writeString(app.archive(), "archive the first run wrote");

        app.refreshFrom(source);
        assertThat(Files.getLastModifiedTime(app.jar())).as("unchanged build: jars left as the archive knows them")
                .isEqualTo(extractedAt);
        assertThat(app.archive()).exists();

        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
        app.refreshFrom(source);
        assertThat(app.jar()).isRegularFile();
        assertThat(app.archive()).as("a new build makes the old archive useless").doesNotExist();
    }
}
