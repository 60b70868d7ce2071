package io.leadloop.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {

    @Test
    void writesMagicByteAndBigEndianSchemaId() {
        byte[] one = new byte[5];
        ConfluentWireFormat.writeHeader(1, one);
        assertThat(one).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01);

        byte[] large = new byte[5];
        ConfluentWireFormat.writeHeader(100001, large);
        assertThat(large).containsExactly(0x00, 0x00, 0x01, 0x86, 0xa1);
    }

    @Test
    void readsTheSchemaIdBack() {
        assertThat(ConfluentWireFormat.schemaId(new byte[] {0, 0, 1, (byte) 0x86, (byte) 0xa1, 42})).isEqualTo(100001);
    }

    @Test
    void rejectsAnUnknownMagicByte() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte");
    }

    @Test
    void rejectsBytesShorterThanTheHeader() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId("{}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("header");
    }
}
