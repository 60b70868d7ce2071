package io.leadloop.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running local LeadLoop: broker, registry and services as separate processes. The one entry point behind
 * {@code ./leadloop up}, the end-to-end test and any benchmark or fault suite, so they all exercise the same
 * start-up path.
 *
 * <p>Parts of one tier start together (broker and registry; then the four services), because on two cores the
 * JVMs' start-up work overlaps well and nothing in a tier depends on its neighbours. A tier starts only when the
 * one before is healthy: services create topics and register schemas as they start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 40;

    private final StackConfig config;
    private final PartProcesses processes;
    private final Consumer<String> progress;
    private final Map<Part, ProcessHandle> handles = new EnumMap<>(Part.class);
    private Consumer<Part> exitListener = part -> { };

    private LocalStack(StackConfig config, Consumer<String> progress) {
        this.config = config;
        this.processes = new PartProcesses(config);
        this.progress = progress;
    }

    public static LocalStack start(StackConfig config) {
        return start(config, message -> { });
    }

    /**
     * Starts every part the configuration names and returns once all are healthy. On failure everything started
     * so far is stopped again and a {@link StartupFailed} carries the failing part's log tail.
     *
     * @throws AlreadyRunning if any part of a stack with the same home is running: no duplicates, no port fights
     */
    public static LocalStack start(StackConfig config, Consumer<String> progress) {
        LocalStack stack = new LocalStack(config, progress);
        List<Part> running = stack.runningParts();
        if (!running.isEmpty()) {
            throw new AlreadyRunning(running);
        }
        config.partsInStartOrder().forEach(part -> PartDefinition.of(part, config).verifyBuilt());
        try {
            for (Part.Tier tier : Part.Tier.values()) {
                stack.startTogether(config.partsInStartOrder().stream().filter(p -> p.tier() == tier).toList());
            }
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    /** Takes charge of the parts that pid files say are running: how {@code down} stops a detached stack. */
    public static LocalStack attach(StackConfig config, Consumer<String> progress) {
        LocalStack stack = new LocalStack(config, progress);
        for (Part part : config.partsInStartOrder()) {
            stack.processes.running(part).ifPresent(handle -> stack.handles.put(part, handle));
        }
        return stack;
    }

    public StackConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return config.schemaRegistryUrl();
    }

    public String serviceUrl(Part service) {
        return config.serviceUrl(service);
    }

    /** Parts of this configuration whose process is alive right now, according to their pid files. */
    public List<Part> runningParts() {
        return config.partsInStartOrder().stream().filter(part -> processes.running(part).isPresent()).toList();
    }

    /** Each configured part with its process and a fresh health probe. */
    public List<PartStatus> status() {
        List<PartStatus> statuses = new ArrayList<>();
        for (Part part : config.partsInStartOrder()) {
            PartDefinition definition = PartDefinition.of(part, config);
            Optional<ProcessHandle> handle = processes.running(part);
            statuses.add(handle
                    .map(h -> new PartStatus(part, true, h.pid(), definition.url(), definition.probe()))
                    .orElseGet(() -> new PartStatus(part, false, -1, definition.url(), null)));
        }
        return statuses;
    }

    /**
     * Calls the listener when a part's process ends without this handle having stopped or killed it: a crash, or a
     * {@code ./leadloop down} from another terminal. Covers the parts running now and any started later.
     */
    public synchronized void onUnexpectedExit(Consumer<Part> listener) {
        this.exitListener = listener;
        handles.forEach(this::watch);
    }

    /** Crashes one part with SIGKILL, no chance to clean up: the fault a resilience test injects. */
    public synchronized void kill(Part part) {
        ProcessHandle handle = handles.remove(part);
        if (handle != null) {
            progress.accept(part.id() + ": killing pid " + handle.pid());
            processes.kill(part, handle);
        }
    }

    /** Stops the part gracefully if it runs, starts it again and waits until it is healthy. */
    public synchronized void restart(Part part) {
        ProcessHandle handle = handles.remove(part);
        if (handle != null) {
            processes.stop(part, handle);
        }
        startTogether(List.of(part));
    }

    /**
     * Stops one part gracefully (SIGTERM, SIGKILL after the grace period) and leaves it stopped, as an outage of the
     * broker or the registry is; {@link #start(Part)} brings it back.
     */
    public synchronized void stop(Part part) {
        ProcessHandle handle = handles.remove(part);
        if (handle != null) {
            progress.accept(part.id() + ": stopping pid " + handle.pid());
            processes.stop(part, handle);
        }
    }

    /**
     * Starts parts that are not running (after {@link #kill} or {@link #stop(Part)}) together, as the stack's own
     * start does, and waits until all are healthy.
     */
    public synchronized void start(Part... parts) {
        for (Part part : parts) {
            if (handles.containsKey(part)) {
                throw new IllegalStateException(part.id() + " is already running");
            }
        }
        startTogether(List.of(parts));
    }

    /** The process id of a running part, e.g. for a fault suite's report. */
    public synchronized long pid(Part part) {
        ProcessHandle handle = handles.get(part);
        if (handle == null) {
            throw new IllegalStateException(part.id() + " is not running");
        }
        return handle.pid();
    }

    /**
     * Freezes a part with SIGSTOP: the process keeps its sockets and state but runs no code, like a JVM stuck in a
     * long GC pause or a VM that was suspended. {@link #resume} sends SIGCONT.
     */
    public synchronized void pause(Part part) {
        signal(part, "STOP");
    }

    public synchronized void resume(Part part) {
        signal(part, "CONT");
    }

    /** The JDK can only send TERM and KILL; STOP and CONT go through kill(1). */
    private void signal(Part part, String signal) {
        long pid = pid(part);
        progress.accept(part.id() + ": SIG" + signal + " to pid " + pid);
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + part.id(), e);
        }
    }

    /**
     * Stops everything this handle started or attached, in reverse order: services (together), then the registry,
     * then the broker, each with SIGTERM first and SIGKILL after the grace period. Safe to call twice.
     */
    public synchronized void stop() {
        List<Part> services = Part.services().stream().filter(handles::containsKey).toList();
        services.forEach(part -> handles.get(part).destroy());
        stopInOrder(services);
        stopInOrder(List.of(Part.REGISTRY));
        stopInOrder(List.of(Part.KAFKA));
    }

    @Override
    public void close() {
        stop();
    }

    private void stopInOrder(List<Part> parts) {
        for (Part part : parts) {
            ProcessHandle handle = handles.remove(part);
            if (handle != null) {
                progress.accept(part.id() + ": stopping pid " + handle.pid());
                long since = System.nanoTime();
                boolean graceful = processes.stop(part, handle);
                progress.accept("%s: %s after %.1f s".formatted(part.id(),
                        graceful ? "stopped" : "did not stop in time, killed", seconds(since)));
            }
        }
    }

    private void startTogether(List<Part> parts) {
        List<PartDefinition> definitions = parts.stream().map(part -> PartDefinition.of(part, config)).toList();
        for (PartDefinition definition : definitions) {
            PartProcesses.portInUse(definition.ports()).ifPresent(port -> {
                throw new StartupFailed(definition.part(), "cannot start: port " + port
                        + " on 127.0.0.1 is already in use (override it with a LEADLOOP_*_PORT variable)", "");
            });
        }
        Map<PartDefinition, ProcessHandle> launched = new LinkedHashMap<>();
        for (PartDefinition definition : definitions) {
            Part part = definition.part();
            try {
                definition.prepare();
                ProcessHandle handle = processes.launch(definition);
                launched.put(definition, handle);
                synchronized (this) {
                    handles.put(part, handle);
                    watch(part, handle);
                }
            } catch (IOException e) {
                throw new StartupFailed(part, "could not be launched", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailed(part, "was interrupted while preparing", e);
            }
            progress.accept(part.id() + ": starting, log in " + config.logFile(part));
        }
        awaitHealthy(launched);
    }

    private void awaitHealthy(Map<PartDefinition, ProcessHandle> launched) {
        long startedAt = System.nanoTime();
        long deadline = startedAt + config.startupTimeout().toNanos();
        Map<PartDefinition, ProcessHandle> pending = new LinkedHashMap<>(launched);
        Map<Part, Health> lastHealth = new EnumMap<>(Part.class);
        while (!pending.isEmpty()) {
            for (Map.Entry<PartDefinition, ProcessHandle> entry : List.copyOf(pending.entrySet())) {
                PartDefinition definition = entry.getKey();
                Part part = definition.part();
                if (!entry.getValue().isAlive()) {
                    throw new StartupFailed(part, "exited before it became healthy",
                            LogTail.of(config.logFile(part), LOG_TAIL_LINES));
                }
                Health health = definition.probe();
                lastHealth.put(part, health);
                if (health.up()) {
                    configure(definition);
                    pending.remove(definition);
                    progress.accept("%s: healthy after %.1f s".formatted(part.id(), seconds(startedAt)));
                }
            }
            if (!pending.isEmpty() && System.nanoTime() > deadline) {
                Part late = pending.keySet().iterator().next().part();
                throw new StartupFailed(late, "not healthy after " + config.startupTimeout().toSeconds() + " s: "
                        + lastHealth.get(late), LogTail.of(config.logFile(late), LOG_TAIL_LINES));
            }
            if (!pending.isEmpty()) {
                pause();
            }
        }
    }

    /**
     * Parts are removed from {@code handles} before they are stopped on purpose, so only surprises get reported.
     * The check runs on a thread of its own: {@code onExit()} completes on the common fork-join pool, which has a
     * single thread on a 2-core machine, and blocking it here (while {@link #stop} holds the lock) would hold up
     * every other part's exit notification until its grace period ran out.
     */
    private void watch(Part part, ProcessHandle handle) {
        handle.onExit().thenRunAsync(() -> {
            Consumer<Part> listener;
            synchronized (this) {
                if (handles.get(part) != handle) {
                    return;
                }
                handles.remove(part);
                listener = exitListener;
            }
            listener.accept(part);
        }, LocalStack::onOwnThread);
    }

    private static void onOwnThread(Runnable task) {
        Thread.ofPlatform().name("local-stack-exit-watch").daemon().start(task);
    }

    /** Whether any part this handle started or attached is still alive. */
    public synchronized boolean anyAlive() {
        return handles.values().stream().anyMatch(ProcessHandle::isAlive);
    }

    private void configure(PartDefinition definition) {
        try {
            definition.configureOnceHealthy();
        } catch (IOException e) {
            throw new StartupFailed(definition.part(), "could not be configured", e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Polling a child process's health is the one wait here with nothing to block on. */
    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the stack to become healthy", e);
        }
    }

    /** A stack with the same home already runs; starting a second would fight over ports and data. */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning(List<Part> running) {
            super("LeadLoop is already running (" + String.join(", ", running.stream().map(Part::id).toList()) + ")");
        }
    }
}
