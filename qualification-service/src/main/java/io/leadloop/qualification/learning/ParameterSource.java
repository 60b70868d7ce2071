package io.leadloop.qualification.learning;

/**
 * Read access to a model's parameters by key: a Kafka Streams store in the service, a map in tests and offline
 * replays. A parameter never written reads as 0.
 */
@FunctionalInterface
public interface ParameterSource {

    double get(String key);
}
