package io.leadloop.faults;

import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import io.leadloop.schemas.serde.AvroSerdeConfig;
import io.leadloop.schemas.serde.AvroSerializer;

/**
 * A producer with a schema the registry has never seen, while the registry is down: it must fail at once and say
 * why, never write a record no consumer could read, never hang a request thread.
 */
final class RegistryProbe {

    static final String SUBJECT_TOPIC = "leadloop.fault-suite.probe";

    private RegistryProbe() {
    }

    static void newSchemaFailsClearly(FaultContext context) {
        Schema schema = SchemaBuilder.record("FaultSuiteProbe").namespace("io.leadloop.faults")
                .doc("A schema only the fault suite uses, never registered before the registry goes down.")
                .fields().requiredString("probeId").endRecord();
        GenericRecord probe = new GenericData.Record(schema);
        probe.put("probeId", UUID.randomUUID().toString());
        try (AvroSerializer<GenericRecord> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of(
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL, context.stack().schemaRegistryUrl(),
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
            long start = System.nanoTime();
            try {
                serializer.serialize(SUBJECT_TOPIC, probe);
                context.fail("a new schema was serialized although the registry was down");
            } catch (RuntimeException e) {
                double seconds = (System.nanoTime() - start) / 1e9;
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                context.note("new schema while the registry was down failed after %.1f s with %s".formatted(seconds,
                        message.length() > 200 ? message.substring(0, 200) + "…" : message));
                if (seconds > 30) {
                    context.fail("a new schema took %.0f s to fail while the registry was down".formatted(seconds));
                }
            }
        }
    }
}
