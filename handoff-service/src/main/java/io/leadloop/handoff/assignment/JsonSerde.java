package io.leadloop.handoff.assignment;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the topology's internal bookkeeping (lead states, rep loads, credits): not events, never read by another
 * service, so no schema in the registry; unknown fields are ignored so a newer version's state still reads.
 */
final class JsonSerde {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private JsonSerde() {
    }

    static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value),
                (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type));
    }
}
