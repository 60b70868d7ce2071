package io.leadloop.localstack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Apicurio Registry 3 distribution, unpacked by the build into {@code local-stack/target/apicurio}. Our serde
 * speaks the Confluent API, which Apicurio serves under {@code /apis/ccompat/v7}. Storage is an H2 file database
 * under the stack's home, so registered schemas (and their ids, which are inside every record on the broker)
 * survive restarts together with the broker's data.
 */
final class ApicurioRegistry implements PartDefinition {

    /** Subjects evolve BACKWARD-compatibly; Apicurio's own default is NONE, which would accept any breaking change. */
    static final String GLOBAL_COMPATIBILITY = "{\"compatibility\":\"BACKWARD\"}";

    private final StackConfig config;

    ApicurioRegistry(StackConfig config) {
        this.config = config;
    }

    @Override
    public Part part() {
        return Part.REGISTRY;
    }

    Path distribution() {
        return config.root().resolve("local-stack").resolve("target").resolve("apicurio");
    }

    @Override
    public void verifyBuilt() {
        if (!Files.isRegularFile(distribution().resolve("quarkus-run.jar"))) {
            throw new MissingBuildOutput(distribution().resolve("quarkus-run.jar"), "mvn -pl local-stack package");
        }
    }

    @Override
    public void prepare() throws IOException {
        Files.createDirectories(config.dataDir(Part.REGISTRY));
    }

    @Override
    public List<String> javaArguments() {
        List<String> arguments = new ArrayList<>(config.registryJvmOptions());
        arguments.addAll(List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + config.ports().registry(),
                // the management interface defaults to port 9000, which too many other tools claim
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + config.ports().registryManagement(),
                "-Dapicurio.datasource.url=jdbc:h2:file:" + config.dataDir(Part.REGISTRY).resolve("registry"),
                "-jar", "quarkus-run.jar"));
        return arguments;
    }

    @Override
    public Path workingDirectory() {
        return distribution();
    }

    @Override
    public List<Integer> ports() {
        return List.of(config.ports().registry(), config.ports().registryManagement());
    }

    @Override
    public Health probe() {
        return HttpProbe.answers200(url() + "/subjects");
    }

    @Override
    public void configureOnceHealthy() throws IOException {
        HttpResponse<String> response = HttpProbe.putJson(url() + "/config", GLOBAL_COMPATIBILITY);
        if (response.statusCode() != 200) {
            throw new IOException("Setting the registry's compatibility to BACKWARD answered HTTP "
                    + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public String url() {
        return config.schemaRegistryUrl();
    }
}
