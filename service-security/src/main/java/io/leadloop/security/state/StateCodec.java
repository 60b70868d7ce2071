package io.leadloop.security.state;

import java.io.IOException;

import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Maps one state value to and from Avro's binary encoding of its state schema, field by field, without generated
 * classes or {@code GenericRecord}s in between (that detour is what made the JSON state costly).
 *
 * <p>{@link #write} always writes the current schema, in its field order. {@link #read} reads the current schema's
 * fields; it gets a plain binary decoder for values of the current version and a
 * {@link org.apache.avro.io.ResolvingDecoder} for values of an earlier version, so it asks
 * {@link AvroState#fieldOrder} for the order of every record's fields instead of assuming the schema's.
 */
public interface StateCodec<T> {

    void write(T value, Encoder out) throws IOException;

    T read(Decoder in) throws IOException;
}
