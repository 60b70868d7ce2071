package io.leadloop.feedback.funnel.state;

import static io.leadloop.feedback.funnel.state.StateFixtures.busyCampaignDay;
import static io.leadloop.feedback.funnel.state.StateFixtures.wonLead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

import io.leadloop.feedback.funnel.domain.DealClosing;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.domain.SalesDecision;
import tools.jackson.databind.json.JsonMapper;
import io.leadloop.security.state.StateFormat;
import io.leadloop.security.state.UnreadableState;

class FunnelStateFormatsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final StateFormat<LeadFunnel> leadFunnels = FunnelStateFormats.leadFunnel(json);
    private final StateFormat<FunnelNumbers> numbers = FunnelStateFormats.funnelNumbers(json);

    @Test
    void keepsEveryFieldOfAFullyKnownLead() {
        LeadFunnel lead = wonLead();

        byte[] bytes = leadFunnels.write(lead);

        assertThat(bytes[0]).isEqualTo((byte) FunnelStateFormats.V1);
        assertThat(leadFunnels.read(bytes)).isEqualTo(lead);
    }

    @Test
    void keepsALeadNothingIsKnownAbout() {
        LeadFunnel lead = LeadFunnel.unknown("lead-1");

        assertThat(leadFunnels.read(leadFunnels.write(lead))).isEqualTo(lead);
    }

    @Test
    void keepsAnyMixOfPresentAndAbsentParts() {
        var random = new Random(20261124);
        for (int i = 0; i < 2_000; i++) {
            LeadFunnel lead = StateFixtures.randomLead(random);
            assertThat(leadFunnels.read(leadFunnels.write(lead))).as("lead #%d", i).isEqualTo(lead);
            FunnelNumbers sum = StateFixtures.randomNumbers(random);
            assertThat(numbers.read(numbers.write(sum))).as("numbers #%d", i).isEqualTo(sum);
        }
    }

    @Test
    void keepsEveryFieldOfTheNumbersAndTheirZero() {
        assertThat(numbers.read(numbers.write(busyCampaignDay()))).isEqualTo(busyCampaignDay());
        assertThat(numbers.read(numbers.write(busyCampaignDay().negated()))).isEqualTo(busyCampaignDay().negated());
        assertThat(numbers.read(numbers.write(FunnelNumbers.ZERO))).isEqualTo(FunnelNumbers.ZERO);
    }

    @Test
    void writesAFractionOfTheJson() throws IOException {
        LeadFunnel lead = wonLead();

        assertThat(leadFunnels.write(lead).length).isLessThan(json.writeValueAsBytes(lead).length / 3);
    }

    @Test
    void readsWhatTheJsonSerdeWroteBefore() {
        try (var jsonLeads = new JacksonJsonSerde<>(LeadFunnel.class, json).noTypeInfo().ignoreTypeHeaders();
                var jsonNumbers = new JacksonJsonSerde<>(FunnelNumbers.class, json).noTypeInfo().ignoreTypeHeaders()) {
            byte[] oldLead = jsonLeads.serializer().serialize("lead-funnels-changelog", wonLead());
            byte[] oldNumbers = jsonNumbers.serializer().serialize("funnel-numbers-changelog", busyCampaignDay());

            assertThat(oldLead[0]).isEqualTo(StateFormat.JSON_OBJECT);
            assertThat(leadFunnels.read(oldLead)).isEqualTo(wonLead());
            assertThat(numbers.read(oldNumbers)).isEqualTo(busyCampaignDay());
        }
    }

    /** Bytes a 0.1 feedback-service (JacksonJsonSerde) wrote, kept as files: the serde may not be around forever. */
    @Test
    void readsJsonFixturesOfTheEarlierFormat() throws IOException {
        assertThat(leadFunnels.read(fixture("lead-funnel.json"))).isEqualTo(wonLead());
        assertThat(numbers.read(fixture("funnel-numbers.json"))).isEqualTo(busyCampaignDay());
    }

    @Test
    void refusesAnUnknownVersionClearly() {
        byte[] fromTheFuture = leadFunnels.write(wonLead());
        fromTheFuture[0] = 0x07;

        assertThatThrownBy(() -> leadFunnels.read(fromTheFuture))
                .isInstanceOf(UnreadableState.class)
                .hasMessageContaining("lead-funnel")
                .hasMessageContaining("0x07")
                .hasMessageContaining("0x01")
                .hasMessageContaining("newer version of the service");
        assertThatThrownBy(() -> numbers.read(new byte[0])).isInstanceOf(UnreadableState.class);
    }

    @Test
    void refusesTruncatedValuesClearly() {
        byte[] bytes = leadFunnels.write(wonLead());
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> leadFunnels.read(truncated))
                .isInstanceOf(UnreadableState.class)
                .hasMessageContaining("format version 0x01");
    }

    @Test
    void neverUsesTheByteThatMarksJson() {
        assertThatThrownBy(() -> leadFunnels.alsoReading('{', LeadFunnelCodec.SCHEMA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The hand-written codec writes exactly what the schema says: any Avro reader of the .avsc reads it. */
    @Test
    void writesAvroOfItsStateSchema() throws IOException {
        byte[] bytes = leadFunnels.write(wonLead());

        GenericRecord record = new GenericDatumReader<GenericRecord>(leadFunnels.schema())
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null));

        assertThat(record.get("leadId")).hasToString("lead-7f3a");
        assertThat((List<?>) record.get("touches")).hasSize(3);
        assertThat(record.get("decision")).hasToString("ACCEPTED");
        assertThat(record.get("ownerTeam")).hasToString("emea");
    }

    /**
     * The evolution story: an earlier version's value is resolved against the current schema. Here the "earlier"
     * schema has its fields in another order and lacks two, which the current schema's defaults fill in.
     */
    @Test
    void readsAnEarlierVersionThroughSchemaResolution() throws IOException {
        Schema current = leadFunnels.schema();
        List<Schema.Field> earlierFields = current.getFields().reversed().stream()
                .filter(field -> !List.of("ownerTeam", "rejectionReason").contains(field.name()))
                .map(field -> new Schema.Field(field, field.schema()))
                .toList();
        Schema earlier = Schema.createRecord(current.getName(), null, current.getNamespace(), false, earlierFields);
        Schema instant = current.getField("firstSeenAt").schema().getTypes().get(1);
        GenericRecord value = new GenericRecordBuilder(earlier)
                .set("leadId", "lead-old")
                .set("captured", true)
                .set("firstSeenAt", new GenericRecordBuilder(instant).set("seconds", 1_700_000_000L).set("nanos", 5)
                        .build())
                .set("decision", new GenericData.EnumSymbol(current.getField("decision").schema(), "REJECTED"))
                .build();
        var out = new ByteArrayOutputStream();
        out.write(0x00);
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(earlier).write(value, encoder);
        encoder.flush();

        LeadFunnel read = leadFunnels.alsoReading(0x00, earlier).read(out.toByteArray());

        assertThat(read.leadId()).isEqualTo("lead-old");
        assertThat(read.captured()).isTrue();
        assertThat(read.firstSeenAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 5));
        assertThat(read.decision()).isEqualTo(SalesDecision.REJECTED);
        assertThat(read.closing()).isEqualTo(DealClosing.OPEN);
        assertThat(read.ownerTeam()).isNull();
        assertThat(read.touches()).isEmpty();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FunnelStateFormatsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        }
    }
}
