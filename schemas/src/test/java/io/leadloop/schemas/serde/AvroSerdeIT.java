package io.leadloop.schemas.serde;

import static io.leadloop.schemas.serde.LeadEvents.aLeadCaptured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadStage;
import io.leadloop.events.Priority;
import io.leadloop.schemas.registry.IncompatibleSchemaException;
import io.leadloop.schemas.registry.SchemaRegistryClient;
import io.leadloop.testsupport.LeadLoopInfrastructure;

/** The serde and registry client against the real Apicurio Registry, through its Confluent API. */
class AvroSerdeIT {

    private static String registryUrl;

    @BeforeAll
    static void startRegistry() {
        registryUrl = LeadLoopInfrastructure.get().schemaRegistryUrl();
    }

    private static Map<String, Object> config(Object... more) {
        var config = new java.util.HashMap<String, Object>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    private static String freshTopic() {
        return "serde-it-" + UUID.randomUUID();
    }

    @Test
    void registersTheSchemaUnderTheTopicSubjectAndRoundTrips() {
        String topic = freshTopic();
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(config(), false);
        var deserializer = new AvroDeserializer<>(LeadCaptured.class);
        deserializer.configure(config(), false);
        LeadCaptured lead = aLeadCaptured();

        byte[] bytes = serializer.serialize(topic, lead);

        var client = newClient();
        int id = client.latest(topic + "-value").id();
        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(client.byId(id)).isEqualTo(LeadCaptured.getClassSchema());
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(lead);
    }

    @Test
    void subjectsUseBackwardCompatibility() {
        assertThat(newClient().compatibility(null)).isEqualTo("BACKWARD");
    }

    @Test
    void anOldConsumerReadsEventsWrittenWithANewerCompatibleSchema() {
        String topic = freshTopic();
        Schema newer = withOptionalField(LeadScored.getClassSchema(), "experimentArm");
        GenericRecord newEvent = new GenericRecordBuilder(newer)
                .set("eventId", UUID.randomUUID().toString())
                .set("occurredAt", Instant.now().toEpochMilli())
                .set("leadId", "lead-" + UUID.randomUUID())
                .set("score", 80)
                .set("stage", new GenericData.EnumSymbol(newer.getField("stage").schema(), "MQL"))
                .set("priority", new GenericData.EnumSymbol(newer.getField("priority").schema(), "HOT"))
                .set("reasons", List.of())
                .set("definitionVersion", "v2")
                .set("lead", new GenericRecordBuilder(newer.getField("lead").schema())
                        .set("attributes", Map.of()).build())
                .set("experimentArm", "b")
                .build();
        var serializer = new AvroSerializer<GenericRecord>();
        serializer.configure(config(), false);
        var oldConsumer = new AvroDeserializer<>(LeadScored.class);
        oldConsumer.configure(config(), false);

        LeadScored read = oldConsumer.deserialize(topic, serializer.serialize(topic, newEvent));

        assertThat(read.getStage()).isEqualTo(LeadStage.MQL);
        assertThat(read.getPriority()).isEqualTo(Priority.HOT);
        assertThat(read.getDefinitionVersion()).isEqualTo("v2");
    }

    @Test
    void writesWithTheLatestVersionWhenAsked() {
        String topic = freshTopic();
        var client = newClient();
        Schema newer = withOptionalField(LeadCaptured.getClassSchema(), "region");
        client.register(topic + "-value", LeadCaptured.getClassSchema());
        int latestId = client.register(topic + "-value", newer);
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(config(AvroSerdeConfig.USE_LATEST_VERSION, "true",
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        var genericReader = new AvroDeserializer<GenericRecord>();
        genericReader.configure(config(), false);
        LeadCaptured lead = aLeadCaptured();

        byte[] bytes = serializer.serialize(topic, lead);

        assertThat(ConfluentWireFormat.schemaId(bytes)).isEqualTo(latestId);
        GenericRecord read = genericReader.deserialize(topic, bytes);
        assertThat(read.get("leadId").toString()).isEqualTo(lead.getLeadId());
        assertThat(read.get("region")).isNull();
    }

    @Test
    void reportsAnIncompatibleSchemaAsSuch() {
        String subject = freshTopic() + "-value";
        var client = newClient();
        Schema v1 = SchemaBuilder.record("Probe").namespace("io.leadloop.test").fields()
                .requiredInt("a").endRecord();
        Schema v2WithoutDefault = SchemaBuilder.record("Probe").namespace("io.leadloop.test").fields()
                .requiredInt("a").requiredString("b").endRecord();
        client.register(subject, v1);

        assertThatThrownBy(() -> client.register(subject, v2WithoutDefault))
                .isInstanceOf(IncompatibleSchemaException.class)
                .satisfies(e -> assertThat(((IncompatibleSchemaException) e).httpStatus()).isEqualTo(409));
    }

    @Test
    void refusesToWriteWithAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
        String topic = freshTopic();

        assertThatThrownBy(() -> serializer.serialize(topic, aLeadCaptured()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic + "-value");
    }

    @Test
    void triesTheNextRegistryUrlWhenTheFirstIsUnreachable() {
        var client = new SchemaRegistryClient(List.of(URI.create("http://127.0.0.1:1"), URI.create(registryUrl)),
                Optional.empty(), Duration.ofSeconds(2));
        int id = client.register(freshTopic() + "-value", LeadCaptured.getClassSchema());
        assertThat(client.byId(id)).isEqualTo(LeadCaptured.getClassSchema());
    }

    private static SchemaRegistryClient newClient() {
        return new SchemaRegistryClient(List.of(URI.create(registryUrl)), Optional.empty(), Duration.ofSeconds(5));
    }

    /** The schema with one more optional string field: a BACKWARD-compatible change. */
    private static Schema withOptionalField(Schema schema, String name) {
        var fields = new java.util.ArrayList<Schema.Field>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field(name, SchemaBuilder.unionOf().nullType().and().stringType().endUnion(),
                null, Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
