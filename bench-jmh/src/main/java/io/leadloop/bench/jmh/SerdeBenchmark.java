package io.leadloop.bench.jmh;

import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;

import io.leadloop.events.LeadCaptured;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroDeserializer;
import io.leadloop.schemas.serde.AvroSerializer;

/**
 * The shared serde ({@code io.leadloop.schemas.serde}) on {@code LeadCaptured}, the event every service reads:
 * Confluent wire format with the schema id cached from an in-memory registry ({@code mock://}), so this is the
 * steady state after the first record, without registry round trips.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerdeBenchmark {

    private static final String TOPIC = Topics.LEADS_CAPTURED.name();

    private AvroSerializer<LeadCaptured> serializer;
    private AvroDeserializer<LeadCaptured> deserializer;
    private LeadCaptured event;
    private byte[] bytes;

    @Setup
    public void setUp() {
        Map<String, Object> config = Map.of("schema.registry.url", "mock://bench-jmh", "specific.avro.reader", true);
        serializer = new AvroSerializer<>();
        serializer.configure(config, false);
        deserializer = new AvroDeserializer<>();
        deserializer.configure(config, false);
        event = Leads.captured();
        bytes = serializer.serialize(TOPIC, event);
    }

    @TearDown
    public void tearDown() {
        serializer.close();
        deserializer.close();
    }

    /** {@code AvroSerializer.serialize}: schema id lookup (cached), header, binary encoding. */
    @Benchmark
    public byte[] serialize() {
        return serializer.serialize(TOPIC, event);
    }

    /** {@code AvroDeserializer.deserialize} into the generated {@code LeadCaptured} (specific.avro.reader=true). */
    @Benchmark
    public LeadCaptured deserialize() {
        return deserializer.deserialize(TOPIC, bytes);
    }
}
