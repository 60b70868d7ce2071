package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Docker variant cannot run on machines without a Docker engine, but its file can still be checked: by
 * {@code docker-compose config}, which validates it against the Compose schema, wherever that binary exists.
 */
class DockerComposeFileTest {

    private final Path root = StackConfig.locateRoot();

    @Test
    void isAValidComposeFile() throws Exception {
        Path dockerCompose = onPath("docker-compose");
        assumeTrue(dockerCompose != null, "docker-compose is not installed (apt-get install docker-compose)");

        Process config = new ProcessBuilder(dockerCompose.toString(), "-f",
                root.resolve("docker-compose.yml").toString(), "config", "-q")
                .redirectErrorStream(true)
                .start();
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(config.exitValue()).as(output).isZero();
    }

    @Test
    void runsEveryServiceFromTheJarItsModuleBuilds() throws IOException {
        String compose = Files.readString(root.resolve("docker-compose.yml"));
        for (Part service : Part.services()) {
            String dockerfile = Files.readString(root.resolve(service.id()).resolve("Dockerfile"));

            assertThat(dockerfile).contains("FROM eclipse-temurin:21-jre")
                    .contains("COPY target/" + service.id() + ".jar");
            assertThat(compose).contains("build: " + service.id());
        }
        assertThat(compose).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL",
                "condition: service_healthy", "apicurio/apicurio-registry:3.3.3", "apache/kafka:");
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
