package io.leadloop.bench.jmh;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.routing.RoundRobinRouter;
import io.leadloop.handoff.routing.RoutingDecision;

/**
 * Handoff's routing, its own code ({@code io.leadloop.handoff.routing}) compiled from its sources: round robin
 * over a roster, the cursor carried from one decision to the next as the handoff topology's store does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingBenchmark {

    @Param({"10", "200"})
    int reps;

    private RoundRobinRouter router;
    private Optional<String> cursor;

    @Setup
    public void setUp() {
        List<Rep> roster = IntStream.range(0, reps)
                .mapToObj(i -> new Rep("rep-" + i, "Rep " + i, "inbound-emea"))
                .toList();
        router = new RoundRobinRouter(new RepRoster(roster));
        cursor = Optional.empty();
    }

    /** {@code RoundRobinRouter.route}: find the previous owner, pick the next rep, write the reason. */
    @Benchmark
    public RoutingDecision roundRobin() {
        RoutingDecision decision = router.route(cursor);
        cursor = Optional.of(decision.owner().id());
        return decision;
    }
}
