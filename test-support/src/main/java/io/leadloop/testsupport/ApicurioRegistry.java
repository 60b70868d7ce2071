package io.leadloop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Apicurio Registry, started from its Maven Central distribution as a child process on free ports.
 *
 * <p>Written by hand because Testcontainers needs a Docker engine these machines do not have; the registry is a
 * plain Quarkus application, so a {@link ProcessBuilder} is all it takes. Storage is in-memory: every test JVM gets a
 * clean registry. Global compatibility is set to BACKWARD, as our subjects use in production.
 */
public final class ApicurioRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistry.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path logFile;
    private final String confluentApiUrl;

    private ApicurioRegistry(Process process, Path logFile, String confluentApiUrl) {
        this.process = process;
        this.logFile = logFile;
        this.confluentApiUrl = confluentApiUrl;
    }

    /** Starts a registry and returns once its Confluent-compatible API answers. */
    public static ApicurioRegistry start() {
        Path home = distributionHome();
        int httpPort = freePort();
        int managementPort = freePort();
        try {
            Path logFile = Files.createTempFile("apicurio-registry-", ".log");
            List<String> command = List.of(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                    "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.http.access-log.enabled=false",
                    "-jar", home.resolve("quarkus-run.jar").toString());
            Process process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            var registry = new ApicurioRegistry(process, logFile,
                    "http://127.0.0.1:" + httpPort + "/apis/ccompat/v7");
            registry.awaitReady();
            registry.useBackwardCompatibility();
            log.info("Apicurio Registry ready at {} (log: {})", registry.confluentApiUrl, logFile);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Apicurio Registry from " + home, e);
        }
    }

    /** Base URL of the Confluent Schema Registry API, as services take it in {@code schema.registry.url}. */
    public String confluentApiUrl() {
        return confluentApiUrl;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited; its log:\n" + tailOfLog());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(confluentApiUrl + "/subjects"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the registry", e);
            }
            sleepQuietly(Duration.ofMillis(250));
        }
        close();
        throw new IllegalStateException("Apicurio Registry not ready within " + START_TIMEOUT + "; its log:\n" + tailOfLog());
    }

    private void useBackwardCompatibility() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(confluentApiUrl + "/config"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
                .build();
        try {
            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Could not set BACKWARD compatibility: " + response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path distributionHome() {
        Properties properties = new Properties();
        try (InputStream in = ApicurioRegistry.class.getResourceAsStream("/leadloop-test-support.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("leadloop-test-support.properties missing from the test-support jar", e);
        }
        Path home = Path.of(properties.getProperty("apicurio.home"));
        if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("No Apicurio distribution at " + home
                    + ": build test-support first (mvn -pl test-support install)");
        }
        return home;
    }

    /** The registry needs Java 21+; the JVM running the tests is one (the build requires it). */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
