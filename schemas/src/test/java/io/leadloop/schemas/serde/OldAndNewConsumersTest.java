package io.leadloop.schemas.serde;

import static io.leadloop.schemas.serde.LeadEvents.aLeadCaptured;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadCaptured;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.evolution.ReleasedSchemas;
import io.leadloop.schemas.registry.SchemaRegistryClient;

/**
 * Old and new consumers through the real serde (in-memory registry): a consumer on the current class reads what a
 * producer of the first released schema wrote, and a consumer still on that release reads what today's producer
 * writes. The released schema is the file in {@code src/main/avro-released}, so these keep proving it as
 * {@code LeadCaptured.avsc} evolves.
 */
class OldAndNewConsumersTest {

    private final String registryUrl = "mock://" + UUID.randomUUID();
    private final Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    private final String topic = Topics.LEADS_CAPTURED.name();
    private final Schema released = ReleasedSchemas.of("LeadCaptured").getFirst().schema();

    @Test
    void aNewConsumerReadsEventsAProducerOfTheFirstReleaseWrote() {
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Schema details = released.getField("lead").schema();
        Schema company = details.getField("company").schema().getTypes().get(1);
        GenericRecord v1Event = new GenericRecordBuilder(released)
                .set("eventId", "event-1")
                .set("occurredAt", occurredAt.toEpochMilli())
                .set("leadId", "lead-1")
                .set("lead", new GenericRecordBuilder(details)
                        .set("email", "ana.silva@acme.io")
                        .set("company", new GenericRecordBuilder(company).set("name", "Acme").build())
                        .set("attributes", Map.of("budget", "yes"))
                        .build())
                .set("touch", 2)
                .build();
        var oldProducer = new AvroSerializer<GenericRecord>();
        oldProducer.configure(config, false);
        var newConsumer = new AvroDeserializer<>(LeadCaptured.class);
        newConsumer.configure(config, false);

        LeadCaptured read = newConsumer.deserialize(topic, oldProducer.serialize(topic, v1Event));

        assertThat(read.getLeadId()).isEqualTo("lead-1");
        assertThat(read.getOccurredAt()).isEqualTo(occurredAt);
        assertThat(read.getTouch()).isEqualTo(2);
        assertThat(read.getLead().getEmail()).isEqualTo("ana.silva@acme.io");
        assertThat(read.getLead().getCompany().getName()).isEqualTo("Acme");
        assertThat(read.getLead().getAttributes()).containsEntry("budget", "yes");
    }

    @Test
    void aConsumerStillOnTheFirstReleaseReadsEventsTheCurrentProducerWrites() throws IOException {
        var newProducer = new AvroSerializer<LeadCaptured>();
        newProducer.configure(config, false);
        LeadCaptured lead = aLeadCaptured();

        byte[] bytes = newProducer.serialize(topic, lead);
        GenericRecord read = readAsOldConsumer(bytes);

        assertThat(read.getSchema()).isEqualTo(released);
        assertThat(read.get("leadId").toString()).isEqualTo(lead.getLeadId());
        assertThat(read.get("occurredAt")).isEqualTo(lead.getOccurredAt().toEpochMilli());
        GenericRecord details = (GenericRecord) read.get("lead");
        assertThat(details.get("email").toString()).isEqualTo(lead.getLead().getEmail());
        assertThat(((GenericRecord) details.get("company")).get("domain").toString()).isEqualTo("acme.io");
    }

    /**
     * What a consumer compiled against the first release does: the writer's schema from the registry by the id in
     * the record, resolved against the released schema as reader.
     */
    private GenericRecord readAsOldConsumer(byte[] framed) throws IOException {
        var registry = new SchemaRegistryClient(List.of(URI.create(registryUrl)), Optional.empty(), Duration.ofSeconds(1));
        Schema writer = registry.byId(ConfluentWireFormat.schemaId(framed));
        var decoder = DecoderFactory.get().binaryDecoder(framed, ConfluentWireFormat.HEADER_LENGTH,
                framed.length - ConfluentWireFormat.HEADER_LENGTH, null);
        return new GenericDatumReader<GenericRecord>(writer, released, GenericData.get()).read(null, decoder);
    }
}
