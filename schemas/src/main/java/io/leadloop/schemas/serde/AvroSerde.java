package io.leadloop.schemas.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import io.leadloop.schemas.Topic;

/** The serializer and deserializer of one generated event type, for Kafka Streams. */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer = new AvroSerializer<>();
    private final AvroDeserializer<T> deserializer;

    private AvroSerde(Class<T> type) {
        this.deserializer = new AvroDeserializer<>(type);
    }

    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    /** A value serde for the topic's event type, already configured. */
    public static <T extends SpecificRecord> AvroSerde<T> forValuesOf(Topic<T> topic, Map<String, ?> configs) {
        AvroSerde<T> serde = of(topic.valueType());
        serde.configure(configs, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
