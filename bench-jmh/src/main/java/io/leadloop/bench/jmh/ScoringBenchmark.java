package io.leadloop.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.leadloop.events.LeadCaptured;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.LeadProfile;
import io.leadloop.qualification.scoring.LeadScore;
import io.leadloop.qualification.scoring.ScoringThresholds;
import io.leadloop.qualification.streams.LeadProfilesAccess;

/**
 * Qualification's scoring, its own code ({@code io.leadloop.qualification.scoring} and
 * {@code streams.LeadProfiles}) compiled from its sources: the built-in definition's eight rules and two
 * disqualifiers. Issue 7's re-scoring target is 50,000 leads/s; this is the ceiling of the scoring step alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {

    private LeadDefinition definition;
    private LeadCaptured event;
    private LeadProfile profile;

    @Setup
    public void setUp() {
        definition = BuiltinLeadDefinition.create("builtin-1", ScoringThresholds.DEFAULT,
                BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);
        event = Leads.captured();
        profile = LeadProfilesAccess.from(event.getLead());
    }

    /** {@code LeadDefinition.score} on a ready profile: rules, disqualifiers, stage and tier, with reasons. */
    @Benchmark
    public LeadScore score() {
        return definition.score(profile);
    }

    /** What the topology does per {@code LeadCaptured}: read the profile out of the event, then score it. */
    @Benchmark
    public LeadScore profileAndScore() {
        return definition.score(LeadProfilesAccess.from(event.getLead()));
    }
}
