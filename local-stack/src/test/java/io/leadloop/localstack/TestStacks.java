package io.leadloop.localstack;

import java.nio.file.Path;

/** Starts a stack of its own for one test class: free ports, state in the class's temp directory. */
final class TestStacks {

    private TestStacks() {
    }

    static LocalStack start(Path home, Part... parts) {
        StackConfig config = StackConfig.onFreePorts(StackConfig.locateRoot(), home);
        if (parts.length > 0) {
            config = config.withParts(parts);
        }
        try {
            LocalStack stack = LocalStack.start(config, line -> System.out.println("[local-stack] " + line));
            // The parts run in sessions of their own; if the test JVM is interrupted before @AfterAll, they
            // must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stop-test-stack"));
            return stack;
        } catch (StartupFailed e) {
            // The log tail is the useful part of the failure; put it where the test report shows it.
            throw new AssertionError(e.getMessage() + "\n" + e.logTail(), e);
        }
    }
}
