package io.leadloop.feedback.kafka;

import java.util.Map;

/**
 * The client properties a topology's serdes are configured with (the Avro serde reads {@code schema.registry.url}
 * and friends from them).
 */
public record StreamsSerdeConfig(Map<String, Object> configs) {

    public StreamsSerdeConfig {
        configs = Map.copyOf(configs);
    }
}
