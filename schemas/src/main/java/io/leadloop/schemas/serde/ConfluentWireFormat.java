package io.leadloop.schemas.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a record's bytes: magic byte {@code 0}, the schema id as a big-endian int32, then the
 * Avro binary payload.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** Writes the header into the first {@link #HEADER_LENGTH} bytes of {@code target}. */
    public static void writeHeader(int schemaId, byte[] target) {
        ByteBuffer.wrap(target, 0, HEADER_LENGTH).put(MAGIC_BYTE).putInt(schemaId);
    }

    /** The schema id of framed bytes; a {@link SerializationException} when they are not in this format. */
    public static int schemaId(byte[] framed) {
        if (framed.length < HEADER_LENGTH) {
            throw new SerializationException("Not Confluent wire format: " + framed.length + " bytes, fewer than the "
                    + HEADER_LENGTH + "-byte header");
        }
        if (framed[0] != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte! Expected 0 (Confluent wire format), got " + framed[0]);
        }
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }
}
