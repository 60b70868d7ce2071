package io.leadloop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.leadloop.localstack.LocalStack;
import io.leadloop.localstack.Part;
import io.leadloop.localstack.PartStatus;
import io.leadloop.localstack.StackConfig;

/**
 * Issue 7's harness, one command: starts the standalone stack on free ports (or measures a running one), runs the
 * ceilings and the loads in the same run, reads the loop's end-to-end latency from the events' own timestamps, samples
 * every process's RSS and CPU, and prints one table with each figure's ratio to its same-run ceiling. Writes it as
 * markdown and the latency distributions as a PNG under {@code bench/results/}. Numbers are reported, never asserted.
 *
 * <p>Options (system properties), defaults in brackets: {@code stack} [start] or {@code running} (the
 * {@code ./leadloop} stack, ports from the same LEADLOOP_* variables); {@code parts} [all] or {@code intake}
 * (broker, registry and intake only: no loop figures); {@code seconds} [20] per closed-loop step after
 * {@code warmup} [10]; {@code connections} [16,64]; {@code rate} [1000] leads/s for {@code rateSeconds} [30] (open
 * loop, the latency figures); {@code batchSize} [500] with {@code batchConnections} [4]; {@code sustainedSeconds}
 * [120] at {@code sustainedConnections} [64] (0 skips); {@code producerRecords} [1000000]; {@code hopRecords} [1000]; {@code root} [.];
 * {@code resultsDir} [bench/results]; {@code label} [loop], a word for the result file names;
 * {@code serviceJavaOpts} [none], JVM flags added to every service's (a started stack only); {@code cds} [true]
 * runs the services with class-data sharing, as {@code ./leadloop} does, and then {@code warmStart} [true] stops the
 * stack after its first start and times a second one, which maps the archives the first one wrote; {@code jitWarmup}
 * [90] seconds of unmeasured load before the first measured step, so that the JIT-compiled services are measured.
 */
public final class LoopBenchmark {

    private static final int RECORD_SIZE = 500;

    private final Path root = Path.of(System.getProperty("root", ".")).toAbsolutePath().normalize();
    private final Duration measured = Duration.ofSeconds(Long.getLong("seconds", 20));
    private final Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 10));
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, Double>> cpuPerLead = new LinkedHashMap<>();
    private final LatencyPlot plot = new LatencyPlot();
    private ProcessStats stats;

    /** One line of the table; a ceiling of {@code NaN} means the figure is itself a ceiling or has none. */
    record Row(String what, double perSecond, Histogram micros, double[] percentilesMs, String ceilingName,
            double ceiling, boolean ratioOfLatency, String target) {
    }

    private LoopBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new LoopBenchmark().run();
    }

    private void run() throws Exception {
        boolean startStack = !"running".equals(System.getProperty("stack", "start"));
        boolean wholeLoop = !"intake".equals(System.getProperty("parts", "all"));
        Path work = Files.createTempDirectory("leadloop-bench-");
        Path results = root.resolve(System.getProperty("resultsDir", "bench/results"));
        Files.createDirectories(results);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String label = System.getProperty("label", "loop");

        stats = new ProcessStats();
        stats.watch("bench (load generator)", ProcessHandle.current().pid());
        StackConfig config;
        LocalStack stack;
        if (startStack) {
            config = StackConfig.onFreePorts(root, work.resolve("stack"));
            String extra = System.getProperty("serviceJavaOpts", "").strip();
            if (!extra.isEmpty()) {
                // E.g. -Dspring.kafka.producer.properties.linger.ms=1 to try a setting, or a JFR recording.
                var options = new ArrayList<>(config.serviceJvmOptions());
                options.addAll(List.of(extra.split("\\s+")));
                config = new StackConfig(config.root(), config.home(), config.ports(), config.parts(), options,
                        config.kafkaJvmOptions(), config.registryJvmOptions(), config.startupTimeout(),
                        config.stopGracePeriod(), config.serviceArguments(), config.externalKafka(),
                        config.classDataSharing());
            }
            if (!wholeLoop) {
                config = config.withParts(Part.KAFKA, Part.REGISTRY, Part.INTAKE);
            }
            config = config.withClassDataSharing(!"false".equals(System.getProperty("cds", "true")));
            System.out.println("Starting the stack (" + config.partsInStartOrder().size() + " parts) in " + work);
            long t0 = System.nanoTime();
            stack = LocalStack.start(config, message -> System.out.println("  " + message));
            double startup = (System.nanoTime() - t0) / 1e9;
            String parts = config.partsInStartOrder().size() + " parts";
            if (config.classDataSharing() && Boolean.parseBoolean(System.getProperty("warmStart", "true"))) {
                rows.add(new Row("Start-up of the local stack (" + parts + "), first start: extracts the jars, no "
                        + "class-data archive yet, s", Double.NaN, null, new double[] {startup}, null, Double.NaN,
                        false, ""));
                // What a developer sees from the second ./leadloop up on: the archives the first run wrote at exit.
                System.out.println("Stopping the stack and starting it again (class-data archives written at exit)");
                stack.stop();
                t0 = System.nanoTime();
                stack = LocalStack.start(config, message -> System.out.println("  " + message));
                startup = (System.nanoTime() - t0) / 1e9;
                rows.add(new Row("Start-up of the local stack (" + parts + "), every later start (class-data "
                        + "archives), s", Double.NaN, null, new double[] {startup}, null, Double.NaN, false, "≤ 60 s"));
            } else {
                rows.add(new Row("Start-up of the local stack (" + parts + "), s", Double.NaN, null,
                        new double[] {startup}, null, Double.NaN, false, "≤ 60 s"));
            }
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        } else {
            config = StackConfig.fromEnvironment(root, System.getenv());
            stack = LocalStack.attach(config, message -> { });
        }
        for (PartStatus part : stack.status()) {
            if (part.running()) {
                stats.watch(part.part().id(), part.pid());
            }
        }
        String intake = stack.serviceUrl(Part.INTAKE);
        String bootstrap = stack.bootstrapServers();
        Process noop = null;
        LoopLatencies loop = null;
        try {
            int noopPort = freePort();
            noop = startNoop(config.serviceJvmOptions(), noopPort, work);
            stats.watch("no-op Spring MVC (ceiling)", noop.pid());
            String noopUrl = "http://127.0.0.1:" + noopPort;
            awaitReady(noopUrl + "/ready", noop);
            if (wholeLoop) {
                loop = new LoopLatencies(bootstrap);
            }

            warmUp(intake, noopUrl);
            singleLead(intake, noopUrl, bootstrap);
            openLoop(intake, noopUrl);
            stopNoop(noop);
            noop = null;
            var kafka = new KafkaTools(root, work, List.of("-Xmx512m", "-XX:+UseSerialGC"));
            KafkaTools.ProducerCeiling producer = kafkaCeilings(kafka, bootstrap);
            batch(intake, producer);
            if (wholeLoop) {
                loopLatency(intake, loop);
                sustained(intake, loop);
            } else {
                notes.add("Intake-only stack (-Dparts=intake): no loop figures.");
            }
        } finally {
            if (loop != null) {
                loop.close();
            }
            if (noop != null) {
                stopNoop(noop);
            }
            if (startStack) {
                System.out.println("Stopping the stack");
                stack.stop();
            }
            stats.close();
        }

        String report = report(stamp, startStack);
        System.out.println(report);
        Path md = results.resolve(stamp + "-" + label + ".md");
        Path png = results.resolve(stamp + "-" + label + "-latency.png");
        plot.write(png, "LeadLoop latency distributions, run " + stamp + " (" + runId + ")");
        Files.writeString(md, report + "\nLatency distributions: [" + png.getFileName() + "](" + png.getFileName() + ")\n");
        System.out.println("Written to " + md + " and " + png);
    }

    // ---- phases

    /**
     * Load that is not measured, so that what is measured is the JIT-compiled service, as in production. Intake's
     * C2 compiler thread was still 27 % of its CPU two minutes into a load (16,000 methods compiled; the no-op has a
     * fraction of that code and warms in seconds), so each step's own short warm-up measured compilation, not
     * intake. {@code jitWarmup} [90] seconds of single leads at 64 connections, then a few batches; 0 skips it.
     */
    private void warmUp(String intake, String noopUrl) throws InterruptedException {
        long seconds = Long.getLong("jitWarmup", 90);
        if (seconds <= 0) {
            return;
        }
        System.out.println("warming up intake and the no-op (" + seconds + " s, not measured) ...");
        var bodies = new LeadBodies(runId + "-warmup");
        ClosedLoopLoad.run("warm-up", URI.create(intake + "/api/v1/leads"), 64, Duration.ZERO,
                Duration.ofSeconds(seconds), bodies::next, 1, 202);
        ClosedLoopLoad.run("warm-up", URI.create(intake + "/api/v1/leads/batch"), 2, Duration.ZERO,
                Duration.ofSeconds(Math.max(5, seconds / 6)), () -> bodies.nextBatch(500), 500, 200);
        var noopBodies = new LeadBodies(runId + "-warmup-noop");
        ClosedLoopLoad.run("warm-up", URI.create(noopUrl + "/api/v1/leads"), 64, Duration.ZERO,
                Duration.ofSeconds(Math.max(5, seconds / 6)), noopBodies::next, 1, 202);
        notes.add("Intake and the no-op were warmed up for " + seconds + " s of single leads (and batches) before "
                + "anything was measured (-DjitWarmup).");
    }

    /** Closed loop at each concurrency, no-op and intake alternately, so both see the same moment's noise. */
    private void singleLead(String intake, String noopUrl, String bootstrap) throws Exception {
        String ackTopic = "bench.round-trip." + runId;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // Like leads.captured.v1: 3 partitions, replication 1.
            admin.createTopics(List.of(new NewTopic(ackTopic, 3, (short) 1))).all().get();
        }
        for (String c : System.getProperty("connections", "16,64").split(",")) {
            int n = Integer.parseInt(c.strip());
            var noopBodies = new LeadBodies(runId + "-noop" + n);
            var noop = closedLoop("no-op Spring MVC POST, " + n + " connections", noopUrl + "/api/v1/leads", n,
                    noopBodies::next, 1, 202, "noop-" + n);
            rows.add(row(noop.scenario(), noop, null, Double.NaN, false, ""));
            System.out.println("durable round trip, " + n + " senders ...");
            var acks = DurableRoundTrip.run(bootstrap, ackTopic, n, warmup, measured, RECORD_SIZE);
            rows.add(new Row("Kafka durable round trip, " + n + " senders each waiting for its ack (acks=all, linger 1 ms)",
                    acks.acksPerSecond(), acks.latencyMicros(), null, null, Double.NaN, false, "(ceiling)"));
            notes.add(String.format(Locale.ROOT, "Bound at %d connections (Little's law, see DurableRoundTrip): with the "
                    + "no-op at %,.0f/s and %,.0f acknowledgements/s, a durable intake reaches at most %.2f × the no-op "
                    + "with one acknowledgement per lead and %.2f × with two in a row (a new person's key, then the lead).",
                    n, noop.itemsPerSecond(), acks.acksPerSecond(),
                    DurableRoundTrip.boundRatio(noop.itemsPerSecond(), acks.acksPerSecond(), 1),
                    DurableRoundTrip.boundRatio(noop.itemsPerSecond(), acks.acksPerSecond(), 2)));
            var bodies = new LeadBodies(runId + "-single" + n);
            var lead = closedLoop("intake POST /api/v1/leads (202 after acks=all), " + n + " connections",
                    intake + "/api/v1/leads", n, bodies::next, 1, 202, "intake-" + n);
            rows.add(row(lead.scenario(), lead, "no-op, " + n + " conn.", noop.itemsPerSecond(), false, "≥ 0.6 ×"));
            if (n == 64) {
                plot.add("intake, closed loop 64 conn.", lead.latencyMicros());
                plot.add("no-op, closed loop 64 conn.", noop.latencyMicros());
            }
        }
    }

    /** The p99 figure is asked at a given rate, not at saturation: an open loop for intake and the no-op alike. */
    private void openLoop(String intake, String noopUrl) {
        double rate = Double.parseDouble(System.getProperty("rate", "1000"));
        Duration seconds = Duration.ofSeconds(Long.getLong("rateSeconds", 30));
        var noopBodies = new LeadBodies(runId + "-noop-rate");
        System.out.printf("no-op at %.0f/s ...%n", rate);
        var noop = OpenLoopLoad.run("no-op at " + (long) rate + "/s (open loop)", URI.create(noopUrl + "/api/v1/leads"),
                rate, Duration.ofSeconds(5), seconds, noopBodies::next, 202);
        rows.add(row(noop.scenario(), noop, null, Double.NaN, true, ""));
        var bodies = new LeadBodies(runId + "-rate");
        System.out.printf("intake at %.0f/s ...%n", rate);
        var snapshot = cpuAfter(Duration.ofSeconds(5));
        var lead = OpenLoopLoad.run("intake at " + (long) rate + "/s (open loop)", URI.create(intake + "/api/v1/leads"),
                rate, Duration.ofSeconds(5), seconds, bodies::next, 202);
        cpu("intake at " + (long) rate + "/s (open loop)", snapshot.get(), lead.requests());
        rows.add(row(lead.scenario(), lead, "no-op p99 at the same rate", noop.latencyMicros().getValueAtPercentile(99) / 1000.0,
                true, "p99 ≤ 20 ms"));
        plot.add("intake at " + (long) rate + "/s", lead.latencyMicros());
        plot.add("no-op at " + (long) rate + "/s", noop.latencyMicros());
    }

    private KafkaTools.ProducerCeiling kafkaCeilings(KafkaTools kafka, String bootstrap) throws Exception {
        String topic = "bench.ceiling." + runId;
        long records = Long.getLong("producerRecords", 1_000_000);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // Like leads.captured.v1: 3 partitions, replication 1.
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            String hopTopic = topic + ".hop";
            admin.createTopics(List.of(new NewTopic(hopTopic, 1, (short) 1))).all().get();
            try {
                System.out.println("ProducerPerformance ...");
                var before = stats.cpuSeconds();
                KafkaTools.ProducerCeiling producer = kafka.produce(bootstrap, topic, records, RECORD_SIZE);
                cpu("ProducerPerformance (" + RECORD_SIZE + " B, acks=all)", before, producer.records());
                rows.add(new Row("Kafka ProducerPerformance, " + RECORD_SIZE + " B records, acks=all, idempotent",
                        producer.recordsPerSecond(), null,
                        new double[] {producer.p50Ms(), producer.p99Ms(), producer.p999Ms()}, null, Double.NaN, false,
                        "(ceiling)"));
                System.out.println("ConsumerPerformance ...");
                KafkaTools.ConsumerCeiling consumer = kafka.consume(bootstrap, topic, records, "bench-" + runId);
                rows.add(new Row("Kafka ConsumerPerformance, the same records", consumer.recordsPerSecond(), null,
                        null, null, Double.NaN, false, "(ceiling)"));
                System.out.println("EndToEndLatency ...");
                KafkaTools.OneHopLatency hop = kafka.oneHop(bootstrap, hopTopic, Long.getLong("hopRecords", 1_000), RECORD_SIZE);
                oneHopP99 = hop.p99Ms();
                rows.add(new Row("Kafka EndToEndLatency, one hop (produce acks=all → consumed), one at a time",
                        Double.NaN, null, new double[] {hop.p50Ms(), hop.p99Ms(), hop.p999Ms()}, null, Double.NaN,
                        false, "(ceiling)"));
                return producer;
            } finally {
                admin.deleteTopics(List.of(topic, hopTopic)).all().get();
            }
        }
    }

    private double oneHopP99 = Double.NaN;

    private void batch(String intake, KafkaTools.ProducerCeiling producer) throws InterruptedException {
        int size = Integer.getInteger("batchSize", 500);
        if (size <= 0) {
            return;
        }
        int n = Integer.getInteger("batchConnections", 4);
        var bodies = new LeadBodies(runId + "-batch");
        var result = closedLoop("intake POST /api/v1/leads/batch, " + size + " leads, " + n + " connections",
                intake + "/api/v1/leads/batch", n, () -> bodies.nextBatch(size), size, 200, "batch");
        rows.add(row(result.scenario() + " (leads/s; latency per request)", result, "ProducerPerformance",
                producer.recordsPerSecond(), false, "≥ 0.5 ×"));
    }

    private void loopLatency(String intake, LoopLatencies loop) throws InterruptedException {
        // The closed-loop runs leave a backlog in qualification and handoff: let it drain, then measure from a quiet loop.
        System.out.println("waiting for the loop to drain ...");
        loop.awaitHandedOff(Duration.ofMinutes(3));
        loop.reset();
        double rate = Double.parseDouble(System.getProperty("rate", "1000"));
        Duration seconds = Duration.ofSeconds(Long.getLong("rateSeconds", 30));
        var bodies = new LeadBodies(runId + "-loop");
        System.out.printf("whole loop at %.0f leads/s ...%n", rate);
        var before = stats.cpuSeconds();
        var accepted = OpenLoopLoad.run("loop", URI.create(intake + "/api/v1/leads"), rate, Duration.ZERO, seconds,
                bodies::next, 202);
        var w = loop.awaitHandedOff(Duration.ofMinutes(2));
        cpu("whole loop at " + (long) rate + "/s (intake + qualification + handoff + feedback)", before, w.leadsCaptured());
        String at = " at " + (long) rate + " leads/s";
        rows.add(new Row("loop" + at + ": captured → scored (occurredAt)", Double.NaN, w.capturedToScoredMicros(),
                null, "one hop", oneHopP99, true, ""));
        rows.add(new Row("loop" + at + ": captured → handed off (occurredAt)", Double.NaN,
                w.capturedToHandedOffMicros(), null, "two hops", 2 * oneHopP99, true, "p50 ≤ 60, p99 ≤ 250 ms"));
        rows.add(new Row("loop" + at + ": captured → hand-off readable (read_committed)", Double.NaN,
                w.capturedToHandedOffSeenMicros(), null, "two hops", 2 * oneHopP99, true, ""));
        notes.add(String.format(Locale.ROOT, "Loop at %.0f/s: %d leads accepted (%d failed), %d captured events read, "
                + "%d scored, %d handed off.", rate, accepted.requests(), accepted.failures(), w.leadsCaptured(),
                w.leadsScored(), w.leadsHandedOff()));
        plot.add("captured → scored", w.capturedToScoredMicros());
        plot.add("captured → handed off", w.capturedToHandedOffMicros());
    }

    private void sustained(String intake, LoopLatencies loop) throws InterruptedException {
        long seconds = Long.getLong("sustainedSeconds", 120);
        if (seconds <= 0) {
            return;
        }
        int n = Integer.getInteger("sustainedConnections", 64);
        loop.reset();
        var bodies = new LeadBodies(runId + "-sustained");
        System.out.printf("whole loop, closed loop at %d connections for %d s ...%n", n, seconds);
        var before = stats.cpuSeconds();
        var result = ClosedLoopLoad.run("sustained", URI.create(intake + "/api/v1/leads"), n, Duration.ZERO,
                Duration.ofSeconds(seconds), bodies::next, 1, 202);
        var during = loop.window();
        long loadEnded = System.currentTimeMillis();
        var after = loop.awaitHandedOff(Duration.ofMinutes(5));
        cpu("whole loop, " + n + " connections flat out", before, after.leadsCaptured());
        double handedOffPerSecond = during.leadsHandedOff() / (double) seconds;
        double drainSeconds = Math.max(0, after.lastHandedOffSeenMillis() - loadEnded) / 1000.0;
        rows.add(new Row("loop flat out, " + n + " connections, " + seconds + " s: accepted by intake", result.itemsPerSecond(),
                result.latencyMicros(), null, "target", 5000, false, "≥ 5,000/s"));
        rows.add(new Row("loop flat out: handed off while loading (leads/s)", handedOffPerSecond,
                during.capturedToHandedOffMicros(), null, "accepted", result.itemsPerSecond(), false, "≥ 5,000/s"));
        notes.add(String.format(Locale.ROOT, "Loop flat out: %d accepted, %d handed off during the %d s, all %d handed off "
                + "%.1f s after the load stopped (%d of %d).", result.requests(), during.leadsHandedOff(), seconds,
                after.leadsCaptured(), drainSeconds, after.leadsHandedOff(), after.leadsCaptured()));
    }

    // ---- helpers

    private ClosedLoopLoad.Result closedLoop(String scenario, String url, int connections, Supplier<String> bodies,
            long items, int status, String cpuLabel) throws InterruptedException {
        System.out.println(scenario + " ...");
        var snapshot = cpuAfter(warmup);
        var result = ClosedLoopLoad.run(scenario, URI.create(url), connections, warmup, measured, bodies, items, status);
        cpu(scenario, snapshot.get(), result.requests() * items);
        return result;
    }

    /**
     * CPU is costed over the measured seconds only: a snapshot taken when the warm-up ends, on a thread of its own
     * because the load runs synchronously. (A pause that is the point, not a wait for a condition.)
     */
    private java.util.function.Supplier<Map<String, Double>> cpuAfter(Duration warmup) {
        var taken = new java.util.concurrent.CompletableFuture<Map<String, Double>>();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(warmup);
                taken.complete(stats.cpuSeconds());
            } catch (InterruptedException e) {
                taken.completeExceptionally(e);
            }
        });
        return taken::join;
    }

    private void cpu(String phase, Map<String, Double> before, double leads) {
        if (leads <= 0) {
            return;
        }
        var now = stats.cpuSeconds();
        var perLead = new LinkedHashMap<String, Double>();
        now.forEach((name, seconds) -> {
            Double then = before.get(name);
            if (then != null && seconds - then > 0.005) {
                perLead.put(name, (seconds - then) * 1e6 / leads);
            }
        });
        cpuPerLead.put(phase, perLead);
    }

    private Row row(String what, ClosedLoopLoad.Result r, String ceilingName, double ceiling, boolean latency, String target) {
        return new Row(what, r.itemsPerSecond(), r.latencyMicros(), null, ceilingName, ceiling, latency,
                r.failures() > 0 ? target + " (" + r.failures() + " failed)" : target);
    }

    private Process startNoop(List<String> jvmOptions, int port, Path work) throws IOException {
        Path jar = Path.of(URI.create(LoopBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", jar.toString(), "io.leadloop.bench.noop.NoopIntakeApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        System.out.println("Starting the no-op Spring MVC ceiling on port " + port);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("noop.log").toFile()).start();
    }

    private static void stopNoop(Process noop) throws InterruptedException {
        noop.destroy();
        if (!noop.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            noop.destroyForcibly();
        }
    }

    private static void awaitReady(String url, Process process) throws InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The no-op ceiling exited before it was ready");
                }
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("The no-op ceiling was not ready in 300 s");
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ---- the report

    private String report(String stamp, boolean startedStack) throws IOException {
        var out = new StringBuilder();
        out.append("# LeadLoop benchmark ").append(stamp).append(" (run ").append(runId).append(")\n\n");
        out.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, load average %s; broker, registry, services, "
                        + "ceilings and load generator on the same machine (%s). Closed-loop steps: %d s after %d s warm-up.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage(),
                startedStack ? "stack started by the harness on free ports" : "a running ./leadloop stack",
                measured.toSeconds(), warmup.toSeconds()));
        out.append("Ratios compare each figure with its ceiling measured in this same run: on a shared machine "
                + "absolute numbers move with everyone else's builds, ratios much less.\n\n");
        out.append("| what | per second | p50 ms | p99 ms | p99.9 ms | ceiling (same run) | ratio | target |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
        for (Row r : rows) {
            double[] p = r.percentilesMs();
            if (p == null && r.micros() != null && r.micros().getTotalCount() > 0) {
                p = new double[] {r.micros().getValueAtPercentile(50) / 1000.0, r.micros().getValueAtPercentile(99) / 1000.0,
                        r.micros().getValueAtPercentile(99.9) / 1000.0};
            }
            String ratio = "";
            String ceiling = "";
            if (!Double.isNaN(r.ceiling()) && r.ceilingName() != null) {
                if (r.ratioOfLatency() && p != null) {
                    ceiling = String.format(Locale.ROOT, "%s: p99 %.1f ms", r.ceilingName(), r.ceiling());
                    ratio = String.format(Locale.ROOT, "%.2f ×", p[1] / r.ceiling());
                } else if (!r.ratioOfLatency()) {
                    ceiling = String.format(Locale.ROOT, "%s: %,.0f/s", r.ceilingName(), r.ceiling());
                    ratio = String.format(Locale.ROOT, "%.2f ×", r.perSecond() / r.ceiling());
                }
            }
            out.append("| ").append(r.what()).append(" | ")
                    .append(Double.isNaN(r.perSecond()) ? "" : String.format(Locale.ROOT, "%,.0f", r.perSecond()))
                    .append(" | ");
            if (p != null && p.length == 1) {
                out.append(String.format(Locale.ROOT, "%.1f s | | ", p[0]));
            } else if (p != null) {
                out.append(String.format(Locale.ROOT, "%.1f | %.1f | %.1f", p[0], p[1], p[2]));
            } else {
                out.append(" | | ");
            }
            out.append(" | ").append(ceiling).append(" | ").append(ratio).append(" | ").append(r.target()).append(" |\n");
        }
        out.append("\n## Memory: resident set per process (VmRSS, sampled every second)\n\n");
        out.append("| process | peak MiB | at the end MiB | target |\n| --- | ---: | ---: | --- |\n");
        stats.rssMib().forEach((name, mib) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s |%n", name,
                mib[0], mib[1], name.endsWith("-service") ? "≤ 400 MiB" : "")));
        out.append("\n## CPU per lead (utime + stime of each process over the measured seconds / leads taken)\n\n");
        var processes = cpuPerLead.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
        out.append("| phase | ").append(String.join(" | ", processes)).append(" | total |\n");
        out.append("| --- |").append(" ---: |".repeat(processes.size() + 1)).append("\n");
        cpuPerLead.forEach((phase, perLead) -> {
            out.append("| ").append(phase);
            double total = 0;
            for (String p : processes) {
                Double us = perLead.get(p);
                out.append(" | ").append(us == null ? "" : String.format(Locale.ROOT, "%.0f µs", us));
                total += us == null ? 0 : us;
            }
            out.append(String.format(Locale.ROOT, " | %.0f µs |%n", total));
        });
        out.append("\nAt 2 cores, a total of T µs of CPU per lead caps the machine at 2,000,000 / T leads/s.\n");
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
