package io.leadloop.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import io.leadloop.schemas.registry.SchemaRegistryClient;
import io.leadloop.schemas.registry.SchemaRegistryException;

/**
 * Writes Avro records (generated or generic) in Confluent's wire format, registering or looking up their schema
 * under the topic's subject ({@code <topic>-value} or {@code <topic>-key}).
 *
 * <p>Written by hand because Confluent's {@code kafka-avro-serializer} is not on Maven Central; it honours
 * Confluent's config names ({@link AvroSerdeConfig}) so existing configuration carries over.
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private AvroSerdeConfig config;
    private SchemaRegistryClient registry;
    private boolean isKey;

    public AvroSerializer() {
        TrustedAvroPackages.install();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.registry = SchemaRegistryClients.forConfig(config);
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        String subject = topic + (isKey ? "-key" : "-value");
        Schema schema = data.getSchema();
        try {
            if (config.useLatestVersion()) {
                var latest = registry.latest(subject);
                Object datum = latest.schema().equals(schema) ? data : resolve(data, latest.schema());
                return frame(latest.id(), latest.schema(), datum);
            }
            int id = config.autoRegisterSchemas() ? registry.register(subject, schema) : registry.lookup(subject, schema);
            return frame(id, schema, data);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Could not get a schema id for subject " + subject + ": " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("Could not write " + schema.getFullName() + " for subject " + subject
                    + ": " + e.getMessage(), e);
        }
    }

    private byte[] frame(int schemaId, Schema schema, Object datum) throws IOException {
        var out = new ByteArrayOutputStream(256);
        out.write(new byte[ConfluentWireFormat.HEADER_LENGTH]);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writers.computeIfAbsent(schema, AvroSerializer::writerFor).write(datum, encoder);
        encoder.flush();
        byte[] framed = out.toByteArray();
        ConfluentWireFormat.writeHeader(schemaId, framed);
        return framed;
    }

    /**
     * Converts a record to the subject's latest schema by Avro's own schema resolution, so
     * {@code use.latest.version} works with a class compiled against an older (compatible) schema.
     */
    private Object resolve(T data, Schema latest) throws IOException {
        var out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writers.computeIfAbsent(data.getSchema(), AvroSerializer::writerFor).write(data, encoder);
        encoder.flush();
        return new GenericDatumReader<>(data.getSchema(), latest, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema) {
        // The generated class's model carries its logical-type conversions (Instant, BigDecimal).
        SpecificData model = SpecificData.getForSchema(schema);
        return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema, model);
    }
}
