package io.leadloop.intake.webhooks;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platforms' documented payloads from {@code <repo root>/../shared/reference/payloads/}, read byte for byte
 * (signatures are over the exact bytes). Not copied into the repo; tests that need them are skipped, saying why,
 * where that directory is absent.
 */
public final class Payloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Payloads() {
    }

    public static byte[] bytes(String name) {
        Path directory = directory();
        assumeTrue(directory != null, "Reference payloads not found: no shared/reference/payloads next to any parent"
                + " of " + Path.of("").toAbsolutePath() + "; tests built on the documented payloads are skipped");
        try {
            return Files.readAllBytes(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A payload as an editable tree, for a variant a test needs (fresh ids, realistic values for placeholders). */
    public static ObjectNode object(String name) {
        return (ObjectNode) JSON.readTree(bytes(name));
    }

    public static byte[] toBytes(Object tree) {
        return JSON.writeValueAsBytes(tree);
    }

    public static JsonMapper json() {
        return JSON;
    }

    private static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/payloads");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
