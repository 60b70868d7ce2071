package io.leadloop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the four LeadLoop services, run from the jar its module builds ({@code <module>/target/<module>.jar}).
 * Everything environment-specific arrives as Spring command-line arguments, so the services need no profile for
 * running locally: the same jar runs on Docker with the equivalent environment variables.
 */
final class SpringBootService implements PartDefinition {

    private final Part part;
    private final StackConfig config;

    SpringBootService(Part part, StackConfig config) {
        if (!part.isService()) {
            throw new IllegalArgumentException(part + " is not a service");
        }
        this.part = part;
        this.config = config;
    }

    @Override
    public Part part() {
        return part;
    }

    Path jar() {
        return config.root().resolve(part.id()).resolve("target").resolve(part.id() + ".jar");
    }

    @Override
    public void verifyBuilt() {
        if (!Files.isRegularFile(jar())) {
            throw new MissingBuildOutput(jar(), "mvn -DskipTests install");
        }
    }

    /**
     * The service runs from a copy: Maven rewrites {@code target/<module>.jar} in place on the next build, and a
     * running Spring Boot jar whose file changes under it dies of {@code NoClassDefFoundError} at the next lazily
     * loaded class. With the copy, rebuilding while the stack runs is safe, and a restart picks up the new build.
     *
     * <p>With class-data sharing on, the copy is the jar extracted into plain jars ({@link ExtractedApplication}),
     * which the JVM's class-data-sharing archive needs: classes come from the app class loader, not from Spring
     * Boot's nested-jar loader.
     */
    @Override
    public void prepare() throws IOException, InterruptedException {
        if (config.classDataSharing()) {
            extracted().refreshFrom(jar());
            return;
        }
        Files.createDirectories(runningJar().getParent());
        Files.copy(jar(), runningJar(), StandardCopyOption.REPLACE_EXISTING);
    }

    Path runningJar() {
        return config.runDir(part).resolve(part.id() + ".jar");
    }

    private ExtractedApplication extracted() {
        return new ExtractedApplication(config.runDir(part).resolve("app"), part.id());
    }

    @Override
    public List<String> javaArguments() {
        List<String> arguments = new ArrayList<>(config.serviceJvmOptions());
        if (config.classDataSharing()) {
            arguments.addAll(extracted().sharingOptions());
            arguments.addAll(List.of("-jar", extracted().jar().toString()));
        } else {
            arguments.addAll(List.of("-jar", runningJar().toString()));
        }
        arguments.addAll(List.of(
                "--server.port=" + config.ports().of(part),
                "--spring.kafka.bootstrap-servers=" + config.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + config.schemaRegistryUrl(),
                "--spring.kafka.streams.state-dir=" + config.dataDir(part).resolve("streams")));
        arguments.addAll(config.serviceArguments().getOrDefault(part, List.of()));
        return arguments;
    }

    @Override
    public Path workingDirectory() {
        return config.dataDir(part);
    }

    @Override
    public List<Integer> ports() {
        return List.of(config.ports().of(part));
    }

    @Override
    public Health probe() {
        return HttpProbe.actuatorUp(url() + "/actuator/health");
    }

    @Override
    public String url() {
        return config.serviceUrl(part);
    }
}
