package io.leadloop.bench.jmh;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import io.leadloop.handoff.routing.LeadProfile;
import io.leadloop.handoff.routing.LeadRouter;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.routing.RepStatus;
import io.leadloop.handoff.routing.RoutingDecision;

/**
 * Handoff's routing, its own code ({@code io.leadloop.handoff.routing}) compiled from its sources: every rule
 * (account owner, territory, segment, skills) then weighted round robin over a roster of available reps, the
 * credits carried from one decision to the next as the handoff topology's store does.
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

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final RepStatus ALL_AVAILABLE = new RepStatus() {
        @Override
        public boolean atWork(Rep rep) {
            return true;
        }

        @Override
        public int openLeads(Rep rep) {
            return 0;
        }

        @Override
        public int assignedToday(Rep rep) {
            return 0;
        }
    };

    private final LeadRouter router = new LeadRouter();
    private final LeadProfile lead = new LeadProfile("acme.io", "US", null, 250, Set.of());
    private RepRoster roster;
    private Map<String, Long> credits;

    @Setup
    public void setUp() {
        List<Rep> list = IntStream.range(0, reps)
                .mapToObj(i -> new Rep("rep-" + i, "Rep " + i, "inbound-emea"))
                .toList();
        roster = new RepRoster(list);
        credits = Map.of();
    }

    /** {@code LeadRouter.route}: every rule with its trace, then weighted round robin; credits carried over. */
    @Benchmark
    public RoutingDecision roundRobin() {
        RoutingDecision decision = router.route(lead, roster, ALL_AVAILABLE, credits, NOW, Set.of());
        credits = decision.credits();
        return decision;
    }
}
