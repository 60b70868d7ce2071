package io.leadloop.faults;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.leadloop.localstack.KafkaCluster;
import io.leadloop.localstack.LocalStack;
import io.leadloop.localstack.Part;
import io.leadloop.localstack.PartStatus;

/**
 * What a fault can touch: the stack's processes, the load (to see how senders were answered), the output tail
 * (to see dead letters), and the scenario's verdict: {@link #fail} for a broken promise, {@link #note} for what
 * the table should say about how the system behaved.
 */
final class FaultContext {

    private final LocalStack stack;
    private final LeadLoad load;
    private final OutputTail tail;
    private final KafkaCluster cluster;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private volatile long healedAtNanos = Long.MAX_VALUE;

    FaultContext(LocalStack stack, LeadLoad load, OutputTail tail, KafkaCluster cluster) {
        this.stack = stack;
        this.load = load;
        this.tail = tail;
        this.cluster = cluster;
    }

    /** The three-broker cluster the stack runs on, in {@link Scenario.Setup#THREE_BROKERS} scenarios. */
    KafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("this scenario runs on the single-broker stack");
        }
        return cluster;
    }

    LocalStack stack() {
        return stack;
    }

    LeadLoad load() {
        return load;
    }

    OutputTail tail() {
        return tail;
    }

    /** The fault is over from here on: the part is back (or was never down). */
    void healed() {
        healedAtNanos = System.nanoTime();
    }

    long healedAtNanos() {
        return healedAtNanos;
    }

    void fail(String failure) {
        failures.add(failure);
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Keeps the fault in place for its duration. This is the fault's definition (how long the broker is away),
     * not a wait for something to happen, so a plain sleep is the honest tool.
     */
    static void hold(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }

    /** Polls a condition that has nothing to block on (another process's state); false if it never held. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    boolean healthy(Part part) {
        return stack.status().stream().filter(s -> s.part() == part)
                .anyMatch(s -> s.running() && s.health() != null && s.health().up());
    }

    List<Part> unhealthyParts() {
        return stack.status().stream().filter(s -> !s.running() || s.health() == null || !s.health().up())
                .map(PartStatus::part).toList();
    }
}
