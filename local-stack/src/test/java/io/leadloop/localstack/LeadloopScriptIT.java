package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./leadloop} itself, the way a person runs it, for the commands that start nothing. Runs after
 * {@code package}, when the launcher jar exists, so the script has nothing to build.
 */
class LeadloopScriptIT {

    @TempDir
    Path home;

    @Test
    void explainsItsCommandsAndVariables() throws Exception {
        Result help = leadloop(Map.of(), "help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("up --detach", "down", "status", "LEADLOOP_KAFKA_PORT", "LEADLOOP_HOME");
    }

    @Test
    void statusShowsEveryPartStoppedWhenNothingRuns() throws Exception {
        Result status = leadloop(Map.of("LEADLOOP_HOME", home.toString(), "LEADLOOP_INTAKE_PORT", "18181"), "status");

        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.output()).contains("kafka", "registry", "lead-intake-service", "feedback-service")
                .contains("stopped")
                .doesNotContain("running")
                .contains("http://127.0.0.1:18181");
    }

    @Test
    void downSaysSoWhenNothingRuns() throws Exception {
        Result down = leadloop(Map.of("LEADLOOP_HOME", home.toString()), "down");

        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("not running");
    }

    @Test
    void rejectsAnUnknownCommand() throws Exception {
        Result result = leadloop(Map.of("LEADLOOP_HOME", home.toString()), "launch");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("unknown command 'launch'");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result leadloop(Map<String, String> environment, String... arguments) throws Exception {
        Path script = StackConfig.locateRoot().resolve("leadloop");
        ProcessBuilder builder = new ProcessBuilder(
                java.util.stream.Stream.concat(java.util.stream.Stream.of(script.toString()),
                        List.of(arguments).stream()).toList())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
