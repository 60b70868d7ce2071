package io.leadloop.schemas;

import java.util.Objects;

/**
 * A Kafka topic and the event type its values carry. Keys are always the lead id (or, for aggregate topics, the
 * id of what they aggregate) as a UTF-8 string.
 *
 * @param name the topic's name, versioned and dotted, e.g. {@code leads.captured.v1}
 * @param valueType the Avro-generated class of the values
 */
public record Topic<T>(String name, Class<T> valueType) {

    /** Spring Kafka's default suffix for dead-letter topics, kept so its tooling finds them. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
    }

    /** Where records of this topic that a consumer cannot process are parked, with the cause in headers. */
    public String deadLetter() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** The registry subject of this topic's values (Confluent's TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }

    @Override
    public String toString() {
        return name;
    }
}
