package io.leadloop.security.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.ResolvingDecoder;

/**
 * What {@link StateCodec}s share: schema loading, field order, and how the state schemas spell nullable values,
 * instants (record {@code Instant}: seconds and nanos) and exact amounts (unscaled bytes and scale).
 */
public final class AvroState {

    private AvroState() {
    }

    /**
     * A state schema from the resources beside {@code owner} (its package); they ship in the service's jar, so a
     * missing one fails at start-up.
     */
    public static Schema schema(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("State schema " + resource + " is not on the class path");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Schema.Field[] fields(Schema record) {
        return record.getFields().toArray(Schema.Field[]::new);
    }

    /**
     * The order in which the decoder hands out a record's fields: the current schema's own order for a value of the
     * current version; for an earlier version the resolving decoder's (fields the reader added come last, filled
     * from their defaults).
     */
    public static Schema.Field[] fieldOrder(Decoder in, Schema.Field[] current) throws IOException {
        return in instanceof ResolvingDecoder resolving ? resolving.readFieldOrder() : current;
    }

    /** The domain enum's value for each symbol of the schema's enum, by the index the decoder returns. */
    public static <E extends Enum<E>> E[] bySymbolIndex(Schema enumSchema, Class<E> type) {
        List<String> symbols = enumSchema.getEnumSymbols();
        @SuppressWarnings("unchecked")
        E[] values = (E[]) java.lang.reflect.Array.newInstance(type, symbols.size());
        for (int i = 0; i < symbols.size(); i++) {
            values[i] = Enum.valueOf(type, symbols.get(i));
        }
        return values;
    }

    /** The schema's symbol index of each domain value, by ordinal; a value the schema lacks fails at start-up. */
    public static int[] symbolIndexByOrdinal(Schema enumSchema, Class<? extends Enum<?>> type) {
        Enum<?>[] constants = type.getEnumConstants();
        int[] indexes = new int[constants.length];
        for (Enum<?> constant : constants) {
            int index = enumSchema.getEnumSymbols().indexOf(constant.name());
            if (index < 0) {
                throw new IllegalStateException(type.getSimpleName() + "." + constant.name()
                        + " is missing from the state schema's enum " + enumSchema.getFullName());
            }
            indexes[constant.ordinal()] = index;
        }
        return indexes;
    }

    public static Schema nonNull(Schema nullableUnion) {
        return nullableUnion.getTypes().get(1);
    }

    public static void writeNullableString(Encoder out, String value) throws IOException {
        if (value == null) {
            out.writeIndex(0);
            out.writeNull();
        } else {
            out.writeIndex(1);
            out.writeString(value);
        }
    }

    public static String readNullableString(Decoder in) throws IOException {
        if (in.readIndex() == 0) {
            in.readNull();
            return null;
        }
        return in.readString();
    }

    public static boolean writeNull(Encoder out, Object value) throws IOException {
        if (value == null) {
            out.writeIndex(0);
            out.writeNull();
            return true;
        }
        out.writeIndex(1);
        return false;
    }

    public static boolean readNull(Decoder in) throws IOException {
        if (in.readIndex() == 0) {
            in.readNull();
            return true;
        }
        return false;
    }

    /** Record {@code Instant}: seconds and nanos, so no precision is lost whatever the events carried. */
    public static void writeInstant(Encoder out, Instant value) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    public static Instant readInstant(Decoder in, Schema.Field[] instantFields) throws IOException {
        long seconds = 0;
        int nanos = 0;
        for (Schema.Field field : fieldOrder(in, instantFields)) {
            switch (field.name()) {
                case "seconds" -> seconds = in.readLong();
                case "nanos" -> nanos = in.readInt();
                default -> throw unknownField(field);
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    public static void writeNullableInstant(Encoder out, Instant value) throws IOException {
        if (!writeNull(out, value)) {
            writeInstant(out, value);
        }
    }

    public static Instant readNullableInstant(Decoder in, Schema.Field[] instantFields) throws IOException {
        return readNull(in) ? null : readInstant(in, instantFields);
    }

    /** The {@code unscaled} and {@code scale} fields of an exact amount, in that order. */
    public static void writeDecimal(Encoder out, BigDecimal value) throws IOException {
        out.writeBytes(value.unscaledValue().toByteArray());
        out.writeInt(value.scale());
    }

    public static BigInteger readUnscaled(Decoder in) throws IOException {
        ByteBuffer bytes = in.readBytes(null);
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return new BigInteger(array);
    }

    public static IllegalStateException unknownField(Schema.Field field) {
        return new IllegalStateException("The state schema has a field " + field.name()
                + " that this codec does not read: add it to the codec");
    }
}
