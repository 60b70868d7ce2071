package io.leadloop.schemas.serde;

import static io.leadloop.schemas.serde.LeadEvents.aLeadCaptured;
import static io.leadloop.schemas.serde.LeadEvents.aWin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.schemas.Topics;

/** The serde against the in-memory ({@code mock://}) registry: the logic, without a network. */
class AvroSerdeTest {

    private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + UUID.randomUUID());

    @Test
    void roundTripsAGeneratedEventIncludingLogicalTypes() {
        var serde = AvroSerde.forValuesOf(Topics.FEEDBACK_RECORDED, config);
        FeedbackRecorded win = aWin("lead-1", "1200.00");

        byte[] bytes = serde.serializer().serialize(Topics.FEEDBACK_RECORDED.name(), win);
        FeedbackRecorded read = serde.deserializer().deserialize(Topics.FEEDBACK_RECORDED.name(), bytes);

        assertThat(bytes[0]).isZero();
        assertThat(read).isEqualTo(win);
        assertThat(read.getAmount()).isEqualByComparingTo(new BigDecimal("1200.00"));
    }

    @Test
    void readsIntoTheGeneratedClassNamedByTheWriterWhenSpecificReaderIsOn() {
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(config, false);
        var deserializer = new AvroDeserializer<Object>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);
        LeadCaptured lead = aLeadCaptured();

        Object read = deserializer.deserialize("t", serializer.serialize("t", lead));

        assertThat(read).isInstanceOf(LeadCaptured.class).isEqualTo(lead);
    }

    @Test
    void readsGenericRecordsByDefault() {
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(config, false);
        var deserializer = new AvroDeserializer<GenericRecord>();
        deserializer.configure(config, false);
        LeadCaptured lead = aLeadCaptured();

        GenericRecord read = deserializer.deserialize("t", serializer.serialize("t", lead));

        assertThat(read.get("leadId").toString()).isEqualTo(lead.getLeadId());
    }

    @Test
    void passesTombstonesThrough() {
        var serde = AvroSerde.forValuesOf(Topics.LEADS_CAPTURED, config);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void refusesBytesThatAreNotConfluentAvro() {
        var serde = AvroSerde.forValuesOf(Topics.LEADS_CAPTURED, config);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"leadId\":\"x\"}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte");
    }

    @Test
    void failsClearlyOnAnUnknownSchemaId() {
        var serde = AvroSerde.forValuesOf(Topics.LEADS_CAPTURED, config);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 0, 0x7f, 0x7f, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 32639");
    }

    @Test
    void refusesToLookUpAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        var serializer = new AvroSerializer<LeadCaptured>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize("never-registered", aLeadCaptured()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("never-registered-value");
    }
}
