package io.leadloop.feedback;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real CRM payloads in {@code <repo root>/../shared/reference/payloads/}, read where they are (third-party
 * material, never copied into the repository). A test that needs one is skipped when they are not there.
 */
public final class ReferencePayloads {

    private ReferencePayloads() {
    }

    public static byte[] bytes(String name) {
        Path file = directory().resolve(name);
        assumeTrue(Files.isReadable(file), () -> "reference payload " + name + " not found");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path payloads = dir.resolve("shared/reference/payloads");
            if (Files.isDirectory(payloads)) {
                return payloads;
            }
        }
        assumeTrue(false, "../shared/reference/payloads not found above " + Path.of("").toAbsolutePath());
        throw new IllegalStateException("unreachable");
    }
}
