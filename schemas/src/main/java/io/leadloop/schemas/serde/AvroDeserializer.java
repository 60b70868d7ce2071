package io.leadloop.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.leadloop.schemas.registry.SchemaRegistryClient;
import io.leadloop.schemas.registry.SchemaRegistryException;

/**
 * Reads Confluent-wire-format Avro: fetches the writer's schema by the id in the record, then resolves it against
 * the reader's schema, so an old consumer reads new events and a new consumer reads old ones.
 *
 * <p>The reader schema is the target class's when one is given (what a service compiled against). Without one,
 * {@code specific.avro.reader=true} reads into the generated class named by the writer's schema, and otherwise
 * into {@link org.apache.avro.generic.GenericRecord}s.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<T> targetType;
    private final Map<Integer, DatumReader<?>> readers = new ConcurrentHashMap<>();
    private AvroSerdeConfig config;
    private SchemaRegistryClient registry;

    /** For Kafka's reflective instantiation from {@code value.deserializer}; see {@code specific.avro.reader}. */
    public AvroDeserializer() {
        this(null);
    }

    public AvroDeserializer(Class<T> targetType) {
        TrustedAvroPackages.install();
        this.targetType = targetType;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.registry = SchemaRegistryClients.forConfig(config);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        int schemaId = ConfluentWireFormat.schemaId(data);
        try {
            DatumReader<?> reader = readers.computeIfAbsent(schemaId, this::readerFor);
            var decoder = DecoderFactory.get().binaryDecoder(data, ConfluentWireFormat.HEADER_LENGTH,
                    data.length - ConfluentWireFormat.HEADER_LENGTH, null);
            return (T) reader.read(null, decoder);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Could not get schema id " + schemaId + " read from topic " + topic
                    + ": " + e.getMessage(), e);
        } catch (java.io.IOException | AvroRuntimeException | ClassCastException e) {
            throw new SerializationException("Could not read a record with schema id " + schemaId + " from topic "
                    + topic + ": " + e.getMessage(), e);
        }
    }

    private DatumReader<?> readerFor(int schemaId) {
        Schema writer = registry.byId(schemaId);
        if (targetType != null) {
            Schema reader = SpecificData.get().getSchema(targetType);
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
        }
        if (config.specificAvroReader()) {
            Class<?> generated = SpecificData.get().getClass(writer);
            if (generated == null) {
                throw new SerializationException("No generated class for " + writer.getFullName()
                        + " on the classpath, and specific.avro.reader=true");
            }
            Schema reader = SpecificData.get().getSchema(generated);
            return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
        }
        return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
}
