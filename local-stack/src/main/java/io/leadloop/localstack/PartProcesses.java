package io.leadloop.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Launches and stops the parts' OS processes and remembers them in pid files, so that {@code down} and
 * {@code status} work from another launcher process than the one that ran {@code up --detach}.
 *
 * <p>Every child gets two harmless system properties, {@code io.leadloop.localstack.part} and
 * {@code io.leadloop.localstack.home}, on its command line (named apart from the services' {@code leadloop.*}
 * configuration so that nothing binds them). A pid file is only trusted when the live process carries both: after a reboot the pid may belong to
 * anything, and {@code down} must never signal a stranger.
 */
final class PartProcesses {

    private static final File NO_INPUT = new File("/dev/null");
    /** Without a session of their own, Ctrl-C in the terminal would hit every child at once, in no order. */
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final StackConfig config;

    PartProcesses(StackConfig config) {
        this.config = config;
    }

    /** Starts the part with output to its log file (never a pipe, so it outlives the launcher) and records its pid. */
    ProcessHandle launch(PartDefinition definition) throws IOException {
        Part part = definition.part();
        Path log = config.logFile(part);
        Files.createDirectories(log.getParent());
        Files.createDirectories(config.pidFile(part).getParent());
        Files.createDirectories(definition.workingDirectory());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(part.id() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(PartDefinition.java().toString());
        command.add(partMarker(part));
        command.add(homeMarker());
        command.addAll(definition.javaArguments());
        Process process = new ProcessBuilder(command)
                .directory(definition.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(NO_INPUT)
                .start();
        Files.writeString(config.pidFile(part), Long.toString(process.pid()));
        return process.toHandle();
    }

    /** The live process the pid file names, if it is still ours. */
    Optional<ProcessHandle> running(Part part) {
        Path pidFile = config.pidFile(part);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> isOurs(handle, part));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean isOurs(ProcessHandle handle, Part part) {
        String commandLine = handle.info().commandLine().orElse("");
        return commandLine.contains("java") && commandLine.contains(partMarker(part))
                && commandLine.contains(homeMarker());
    }

    /** SIGTERM, then SIGKILL if it is still alive after the grace period; true if SIGTERM was enough. */
    boolean stop(Part part, ProcessHandle handle) {
        handle.destroy();
        awaitExit(handle, config.stopGracePeriod());
        boolean graceful = !handle.isAlive();
        if (!graceful) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        }
        forget(part, handle);
        return graceful;
    }

    /** SIGKILL at once: what a fault suite injects to simulate a crash. */
    void kill(Part part, ProcessHandle handle) {
        handle.destroyForcibly();
        awaitExit(handle, Duration.ofSeconds(10));
        forget(part, handle);
    }

    /** Whether some other process already listens on a port this part needs. */
    static Optional<Integer> portInUse(List<Integer> ports) {
        for (int port : ports) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // free
            } catch (IOException e) {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }

    private void forget(Part part, ProcessHandle handle) {
        try {
            Path pidFile = config.pidFile(part);
            if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(handle.pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // the caller decides what to do with a process that is still alive
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String partMarker(Part part) {
        return "-Dio.leadloop.localstack.part=" + part.id();
    }

    private String homeMarker() {
        return "-Dio.leadloop.localstack.home=" + config.home();
    }
}
