package io.leadloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import org.apache.avro.Schema;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;

/** The loop's latency is read from the first three fields of each event, without the registry. */
class LoopLatenciesTest {

    @Test
    void everyLeadEventOfTheLoopStartsWithEventIdOccurredAtAndLeadId() {
        for (Schema schema : new Schema[] {LeadCaptured.getClassSchema(), LeadScored.getClassSchema(),
                LeadHandedOff.getClassSchema()}) {
            assertThat(schema.getFields().subList(0, 3)).extracting(Schema.Field::name)
                    .as(schema.getName()).containsExactly("eventId", "occurredAt", "leadId");
            assertThat(schema.getField("occurredAt").schema().getLogicalType().getName()).isEqualTo("timestamp-millis");
        }
    }

    @Test
    void readsThePrefixAfterTheConfluentHeader() throws Exception {
        var bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {0, 0, 0, 0, 42});
        var encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        encoder.writeString("event-1");
        encoder.writeLong(1_795_419_536_828L);
        encoder.writeString("lead-7");
        encoder.writeString("the rest of the event");
        encoder.flush();

        var prefix = LoopLatencies.prefixOf(bytes.toByteArray());

        assertThat(prefix).contains(new LoopLatencies.Prefix("event-1", 1_795_419_536_828L, "lead-7"));
    }

    @Test
    void skipsTombstonesAndForeignFormats() throws Exception {
        assertThat(LoopLatencies.prefixOf(null)).isEmpty();
        assertThat(LoopLatencies.prefixOf("{\"json\":true}".getBytes())).isEmpty();
    }
}
