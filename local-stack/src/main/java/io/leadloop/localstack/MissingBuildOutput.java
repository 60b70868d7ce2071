package io.leadloop.localstack;

import java.nio.file.Path;

/** A jar or directory the build should have produced is not there; the message says which command makes it. */
public final class MissingBuildOutput extends RuntimeException {

    MissingBuildOutput(Path missing, String command) {
        super(missing + " does not exist; build it first (" + command + ")");
    }
}
