package io.leadloop.intake.fetching;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The platforms' documented payloads in {@code shared/reference/payloads/} beside the repository, read as they
 * are (never copied into the repo). A test that needs them is skipped, saying why, when they are absent.
 */
public final class ReferencePayloads {

    private ReferencePayloads() {
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(directory().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String file) {
        return new String(bytes(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path payloads = dir.resolve("shared/reference/payloads");
            if (Files.isDirectory(payloads)) {
                return payloads;
            }
        }
        assumeTrue(false, "shared/reference/payloads not found above " + Path.of("").toAbsolutePath()
                + ": the reference payload tests need the shared/ folder beside the repository");
        throw new IllegalStateException("unreachable");
    }
}
