package io.leadloop.localstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./leadloop up [--detach] | down | status | help}. Reads its configuration from the environment once and
 * hands it to {@link LocalStack}, which does the work; this class only talks to the person at the terminal.
 */
public final class LeadloopCommand {

    private static final String USAGE = """
            Usage: ./leadloop <command>

              up            start Kafka, the schema registry and the four services; Ctrl-C stops them all
              up --detach   start them and return once all are healthy; stop them with ./leadloop down
              down          stop what ./leadloop up started
              status        show each part: running or stopped, pid, URL, health (exit 0 only if all run)
              help          this text

            LEADLOOP_PARTS=kafka,registry runs only some parts (e.g. while you run a service from your IDE).
            State (data, logs, pid files) lives in .leadloop/ (override with LEADLOOP_HOME).
            Ports: LEADLOOP_KAFKA_PORT (9092), LEADLOOP_KAFKA_CONTROLLER_PORT (9093), LEADLOOP_REGISTRY_PORT (8085),
              LEADLOOP_REGISTRY_MANAGEMENT_PORT (8086), LEADLOOP_INTAKE_PORT (8081),
              LEADLOOP_QUALIFICATION_PORT (8082), LEADLOOP_HANDOFF_PORT (8083), LEADLOOP_FEEDBACK_PORT (8084).
            JVM flags: LEADLOOP_SERVICE_JAVA_OPTS (-Xmx256m -XX:+UseSerialGC and two native-memory trims, replaced
              as a whole), LEADLOOP_KAFKA_JAVA_OPTS, LEADLOOP_REGISTRY_JAVA_OPTS. Timeouts:
              LEADLOOP_STARTUP_TIMEOUT_SECONDS (180), LEADLOOP_STOP_GRACE_SECONDS (30). LEADLOOP_CDS=false runs the services without class-data sharing.
            """;

    private final StackConfig config;
    private final PrintStream out;
    private final PrintStream err;

    LeadloopCommand(StackConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        String command = arguments.isEmpty() ? "help" : arguments.getFirst();
        if (List.of("help", "-h", "--help").contains(command)) {
            System.out.print(USAGE);
            return;
        }
        int exitCode;
        try {
            StackConfig config = StackConfig.fromEnvironment(StackConfig.locateRoot(), System.getenv());
            exitCode = new LeadloopCommand(config, System.out, System.err).run(arguments);
        } catch (IllegalArgumentException | IllegalStateException | MissingBuildOutput e) {
            System.err.println("leadloop: " + e.getMessage());
            exitCode = 2;
        }
        System.exit(exitCode);
    }

    int run(List<String> arguments) {
        String command = arguments.getFirst();
        List<String> options = arguments.subList(1, arguments.size());
        return switch (command) {
            case "up" -> up(options);
            case "down" -> down();
            case "status" -> status();
            default -> {
                err.println("leadloop: unknown command '" + command + "'");
                err.print(USAGE);
                yield 2;
            }
        };
    }

    private int up(List<String> options) {
        boolean detach = options.contains("--detach") || options.contains("-d");
        // Registered before anything starts: Ctrl-C in the middle of start-up must not leave orphans behind.
        AtomicReference<LocalStack> started = new AtomicReference<>();
        AtomicBoolean stopOnExit = new AtomicBoolean(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopOnExit.get()) {
                stopEverything(started.get());
            }
        }, "leadloop-stop"));
        LocalStack stack;
        try {
            stack = LocalStack.start(config, line -> out.println("  " + line));
        } catch (LocalStack.AlreadyRunning e) {
            stopOnExit.set(false);
            out.println(e.getMessage() + "; nothing started. See ./leadloop status, or ./leadloop down first.");
            return 0;
        } catch (StartupFailed e) {
            err.println("leadloop: " + e.getMessage());
            if (!e.logTail().isBlank()) {
                err.println("---- last lines of " + config.logFile(e.part()) + " ----");
                err.println(e.logTail());
                err.println("----");
            }
            err.println("Everything that had started was stopped again.");
            return 1;
        }
        printUrls();
        if (detach) {
            stopOnExit.set(false);
            out.println("Running in the background. Stop with: ./leadloop down");
            return 0;
        }
        started.set(stack);
        out.println("Press Ctrl-C to stop.");
        return stayInForeground(stack);
    }

    /** The stack this process started, or, if start-up was interrupted, whatever its pid files show. */
    private void stopEverything(LocalStack started) {
        LocalStack stack = started != null ? started : LocalStack.attach(config, line -> out.println("  " + line));
        if (stack.anyAlive()) {
            out.println("Stopping LeadLoop...");
            stack.stop();
            out.println("Stopped.");
        }
    }

    /**
     * Waits for Ctrl-C (the shutdown hook then stops everything in order). A part that dies meanwhile is reported
     * with its log; when none is left (say, after {@code ./leadloop down} in another terminal) there is nothing to
     * wait for.
     */
    private int stayInForeground(LocalStack stack) {
        CountDownLatch nothingLeft = new CountDownLatch(1);
        stack.onUnexpectedExit(part -> {
            err.println("leadloop: " + part.id() + " exited unexpectedly; see " + config.logFile(part));
            if (!stack.anyAlive()) {
                nothingLeft.countDown();
            }
        });
        try {
            nothingLeft.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("leadloop: no part is running any more.");
        return 1;
    }

    private int down() {
        LocalStack stack = LocalStack.attach(config, line -> out.println("  " + line));
        if (stack.runningParts().isEmpty()) {
            out.println("LeadLoop is not running.");
            return 0;
        }
        stack.stop();
        out.println("LeadLoop stopped.");
        return 0;
    }

    private int status() {
        List<PartStatus> statuses = LocalStack.attach(config, line -> { }).status();
        out.printf("%-22s %-8s %-8s %-45s %s%n", "PART", "STATE", "PID", "URL", "HEALTH");
        for (PartStatus status : statuses) {
            out.printf("%-22s %-8s %-8s %-45s %s%n", status.part().id(),
                    status.running() ? "running" : "stopped",
                    status.running() ? Long.toString(status.pid()) : "-",
                    status.url(),
                    status.running() ? status.health() : "-");
        }
        return statuses.stream().allMatch(PartStatus::running) ? 0 : 3;
    }

    private void printUrls() {
        out.println();
        out.println("LeadLoop is up:");
        Map<Part, String> labels = Map.of(
                Part.KAFKA, "Kafka bootstrap servers",
                Part.REGISTRY, "Schema registry (Confluent API)",
                Part.INTAKE, "Lead intake",
                Part.QUALIFICATION, "Qualification",
                Part.HANDOFF, "Handoff",
                Part.FEEDBACK, "Feedback");
        for (Part part : config.partsInStartOrder()) {
            out.printf("  %-32s %s%n", labels.get(part), PartDefinition.of(part, config).url());
        }
        out.println("  Logs and data                    " + config.home());
        out.println();
    }
}
