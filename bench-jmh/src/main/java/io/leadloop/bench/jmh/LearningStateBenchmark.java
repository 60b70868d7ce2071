package io.leadloop.bench.jmh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.streams.LearningStateFormatsAccess;
import io.leadloop.security.state.StateFormat;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * qualification-service's per-lead learning state ({@code lead-learning}, read and written for every capture and
 * every outcome) as JSON (what the store held before: Jackson 3 on the record) and in the versioned binary format
 * ({@code LearningStateFormats}, compiled from the service's sources).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class LearningStateBenchmark {

    @Param({"json", "avro"})
    public String format;

    private ObjectMapper json;
    private StateFormat<LeadLearningState> binary;
    private LeadLearningState state;
    private byte[] bytes;

    @Setup
    public void setUp() {
        json = JsonMapper.builder().build();
        binary = LearningStateFormatsAccess.leadLearningState(json);
        state = typicalState();
        bytes = writeLearningState();
        if (!readLearningState().equals(state)) {
            throw new IllegalStateException(format + " does not round-trip the state");
        }
        System.out.printf("%n%s: LeadLearningState %d bytes%n", format, bytes.length);
    }

    @Benchmark
    public byte[] writeLearningState() {
        return format.equals("json") ? json.writeValueAsBytes(state) : binary.write(state);
    }

    @Benchmark
    public LeadLearningState readLearningState() {
        return format.equals("json") ? json.readValue(bytes, LeadLearningState.class) : binary.read(bytes);
    }

    /** A scored lead's features as {@code LeadFeatures} makes them, one outcome learned. */
    static LeadLearningState typicalState() {
        return new LeadLearningState("paid-search", List.of("email.domain-kind=corporate", "email.domain=acme.io",
                "phone.known=yes", "jobTitle=vp marketing", "company.employees=100-499", "company.industry=software",
                "company.country=us", "source.channel=web-form", "source.campaignId=spring-launch",
                "source.formId=demo-request", "utm.source=google", "utm.medium=cpc", "utm.campaign=spring-launch",
                "engagement.visits=3-4", "engagement.pageViews=5-9", "engagement.lastActivity=email opened",
                "consent.marketing=true", "attributes.any question=any answer"),
                Map.of("accepted", true));
    }
}
