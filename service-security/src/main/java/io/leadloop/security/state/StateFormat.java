package io.leadloop.security.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * How one kind of Kafka Streams state value is stored: a <b>format-version byte</b>, then the value in Avro's binary
 * encoding of that version's state schema. No registry is involved: the byte names the writer schema, which ships
 * with the service (a {@code .avsc} beside its codec). Values written before this format are JSON objects, whose
 * first byte is always <code>'{'</code> (0x7B), a byte no version may use; they are read with Jackson as before, so
 * an upgraded service keeps the state in its stores and changelogs and rewrites each value in the binary format the
 * next time it changes.
 *
 * <p><b>Why not JSON any more:</b> Jackson reading and writing JSON state was 23 % of feedback-service's CPU under
 * the warm loop (its per-lead funnel is read and written once per event) and about 5 % of qualification-service's.
 * Measured with JMH ({@code bench-jmh}'s {@code StateFormatBenchmark}, a typical mid-funnel lead), reading plus
 * writing the funnel costs ≈ 7× less in this format (72 µs → 10 µs on a loaded 2-core machine; 20 KB → 1.9 KB
 * allocated; 849 → 242 bytes). Jackson's Smile on the same records was no real gain (reads 1.3–1.5×, writes no
 * faster): the cost is Jackson's data binding and instants as text, not the JSON tokens. Field-by-field code over
 * Avro's {@code Encoder}/{@code Decoder} is as direct as a hand-written {@code DataOutput} encoding, and keeps a
 * declared schema and Avro's schema resolution for evolution.
 *
 * <p><b>Evolution:</b> a change of a state schema adds a new {@code .avsc} and a new version byte; the codec then
 * writes and reads the new schema, and the earlier schema stays registered here ({@link #alsoReading}) as the writer
 * schema of its byte, resolved against the current one by Avro's schema resolution (new fields need defaults, as for
 * events). An unknown byte is an {@link UnreadableState}, never a guess.
 *
 * <p>Immutable and thread-safe: one instance serves every stream thread.
 */
public final class StateFormat<T> {

    /** The first byte of every JSON object, i.e. of every value written before the binary format. */
    public static final byte JSON_OBJECT = '{';

    private final String name;
    private final Class<T> type;
    private final byte version;
    private final Schema schema;
    private final StateCodec<T> codec;
    private final Map<Byte, Schema> earlierWriters;
    private final ObjectMapper json;

    private StateFormat(String name, Class<T> type, byte version, Schema schema, StateCodec<T> codec,
            Map<Byte, Schema> earlierWriters, ObjectMapper json) {
        if (version == JSON_OBJECT || earlierWriters.containsKey(JSON_OBJECT)) {
            throw new IllegalArgumentException("A format version may not be '{': that byte marks JSON");
        }
        if (earlierWriters.containsKey(version)) {
            throw new IllegalArgumentException("Version " + version + " is both current and earlier");
        }
        this.name = name;
        this.type = type;
        this.version = version;
        this.schema = schema;
        this.codec = codec;
        this.earlierWriters = Map.copyOf(earlierWriters);
        this.json = json;
    }

    public static <T> StateFormat<T> of(String name, Class<T> type, int version, Schema schema, StateCodec<T> codec,
            ObjectMapper json) {
        return new StateFormat<>(name, type, (byte) version, schema, codec, Map.of(), json);
    }

    /** This format, also reading values of an earlier version, written with that version's schema. */
    public StateFormat<T> alsoReading(int earlierVersion, Schema writerSchema) {
        var writers = new java.util.HashMap<>(earlierWriters);
        writers.put((byte) earlierVersion, writerSchema);
        return new StateFormat<>(name, type, version, schema, codec, writers, json);
    }

    /** The version byte new values are written with. */
    public byte version() {
        return version;
    }

    /** The schema new values are written with, and every value is read as. */
    public Schema schema() {
        return schema;
    }

    /** This format as a Kafka serde: for a state store (and so its changelog) or a repartition topic. */
    public Serde<T> serde() {
        return Serdes.serdeFrom((topic, value) -> write(value), (topic, bytes) -> read(bytes));
    }

    public byte[] write(T value) {
        if (value == null) {
            return null;
        }
        var bytes = new Bytes();
        bytes.write(version);
        BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
        try {
            codec.write(value, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + name + " state", e);
        }
        return bytes.toByteArray();
    }

    public T read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0) {
            throw new UnreadableState("An empty " + name + " state value: neither JSON nor a format version", null);
        }
        byte first = bytes[0];
        if (first == JSON_OBJECT) {
            return readJson(bytes);
        }
        Schema writer = first == version ? schema : earlierWriters.get(first);
        if (writer == null) {
            throw new UnreadableState(String.format(
                    "A %s state value starts with byte 0x%02x, which is neither JSON ('{') nor a format version this "
                            + "build reads (%s): it was written by a newer version of the service, or is not a %s at all. "
                            + "Run a version that reads it, or reset the application's state.",
                    name, first & 0xff, versions(), name), null);
        }
        BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null);
        try {
            return writer == schema ? codec.read(in)
                    : codec.read(DecoderFactory.get().resolvingDecoder(writer, schema, in));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableState(String.format("A %s state value of format version 0x%02x does not decode: %s",
                    name, first & 0xff, e.getMessage()), e);
        }
    }

    private T readJson(byte[] bytes) {
        try {
            return json.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new UnreadableState("A " + name + " state value in the earlier JSON format does not read: "
                    + e.getOriginalMessage(), e);
        }
    }

    private String versions() {
        byte[] all = new byte[earlierWriters.size() + 1];
        all[0] = version;
        int i = 1;
        for (byte earlier : earlierWriters.keySet()) {
            all[i++] = earlier;
        }
        Arrays.sort(all);
        return java.util.stream.IntStream.range(0, all.length)
                .mapToObj(j -> String.format("0x%02x", all[j] & 0xff)).collect(Collectors.joining(", "));
    }

    /** An unsynchronized {@link java.io.ByteArrayOutputStream}: one value, one thread. */
    private static final class Bytes extends OutputStream {
        private byte[] buffer = new byte[256];
        private int size;

        @Override
        public void write(int b) {
            ensure(1);
            buffer[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buffer, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
