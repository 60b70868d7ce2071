package io.leadloop.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures lead intake on a running stack: durable single-lead intake at several concurrencies and batch intake,
 * as accepted leads per second with p50/p99/p99.9 latency. Prints a markdown table and writes it to
 * {@code bench/results/}. A benchmark, not a test: numbers are reported, never asserted.
 *
 * <p>Usage: {@code bench/run-intake} (see bench/README.md); options as system properties:
 * {@code -Dintake=http://127.0.0.1:8081 -Dseconds=20 -Dwarmup=5 -Dconnections=4,16,64 -DbatchSize=500
 * -DbatchConnections=4}.
 */
public final class IntakeBenchmark {

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String intake = System.getProperty("intake", "http://127.0.0.1:8081");
        Duration measured = Duration.ofSeconds(Long.getLong("seconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 5));
        int batchSize = Integer.getInteger("batchSize", 500);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        var bodies = new LeadBodies(runId);
        requireHealthy(intake);

        var results = new ArrayList<ClosedLoopLoad.Result>();
        for (String connections : System.getProperty("connections", "4,16,64").split(",")) {
            int n = Integer.parseInt(connections.strip());
            System.out.printf("single lead, %d connections ...%n", n);
            results.add(ClosedLoopLoad.run("POST /api/v1/leads", URI.create(intake + "/api/v1/leads"), n, warmup,
                    measured, bodies::next, 1, 202));
        }
        if (batchSize > 0) {
            for (String connections : System.getProperty("batchConnections", "4").split(",")) {
                int n = Integer.parseInt(connections.strip());
                System.out.printf("batch of %d, %d connections ...%n", batchSize, n);
                results.add(ClosedLoopLoad.run("POST /api/v1/leads/batch (" + batchSize + ")",
                        URI.create(intake + "/api/v1/leads/batch"), n, warmup, measured,
                        () -> bodies.nextBatch(batchSize), batchSize, 200));
            }
        }
        String table = table(results);
        System.out.println(table);
        write(table, runId);
    }

    /** Measuring a service that is not up would print a table of failures; say so instead. */
    private static void requireHealthy(String intake) throws InterruptedException {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            int status = client.send(java.net.http.HttpRequest.newBuilder(URI.create(intake + "/actuator/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("Intake at " + intake + " is not healthy (HTTP " + status + ")");
            }
        } catch (IOException e) {
            System.err.println("Intake is not reachable at " + intake + " (" + e + "): start it with ./leadloop up --detach");
            System.exit(2);
        }
    }

    static String table(List<ClosedLoopLoad.Result> results) {
        var out = new StringBuilder();
        out.append("| scenario | connections | requests/s | leads/s | p50 ms | p99 ms | p99.9 ms | failed |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var r : results) {
            var h = r.latencyMicros();
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %d |%n",
                    r.scenario(), r.connections(), r.requestsPerSecond(), r.itemsPerSecond(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(99.9) / 1000.0, r.failures()));
        }
        return out.toString();
    }

    private static void write(String table, String runId) throws IOException {
        Path results = Path.of(System.getProperty("resultsDir", "bench/results"));
        Files.createDirectories(results);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = results.resolve(stamp + "-intake.md");
        Files.writeString(file, "# Intake benchmark " + stamp + " (run " + runId + ")\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; broker, services and load generator on the same machine.\n\n"
                + table);
        System.out.println("Written to " + file);
    }
}
