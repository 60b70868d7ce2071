package io.leadloop.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run one part: what to prepare on disk, which JVM to launch, and how to tell it is ready. Each part is
 * a plain {@code java} child process, so the local stack behaves like production (separate processes, real
 * ports) and a fault suite can kill one without taking the others down.
 */
sealed interface PartDefinition permits KafkaBroker, ApicurioRegistry, SpringBootService {

    Part part();

    /** Fails fast, before anything starts, when the build output this part runs from is missing. */
    void verifyBuilt();

    /** Creates what must exist before launch (configuration files, formatted storage); safe to repeat. */
    void prepare() throws IOException, InterruptedException;

    /** JVM options and main class or jar; the launcher puts the {@code java} executable in front. */
    List<String> javaArguments();

    Path workingDirectory();

    /** The ports the part binds: checked before launch, so a foreign process on them is reported, not probed. */
    List<Integer> ports();

    Health probe();

    /** Runs once the part is healthy: settings that can only be made through its API. */
    default void configureOnceHealthy() throws IOException {
    }

    /** What a person (or a client) connects to. */
    String url();

    static PartDefinition of(Part part, StackConfig config) {
        return switch (part) {
            case KAFKA -> new KafkaBroker(config);
            case REGISTRY -> new ApicurioRegistry(config);
            case INTAKE, QUALIFICATION, HANDOFF, FEEDBACK -> new SpringBootService(part, config);
        };
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
