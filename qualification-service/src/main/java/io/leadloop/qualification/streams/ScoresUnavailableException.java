package io.leadloop.qualification.streams;

/**
 * The stores cannot be read right now: the stream app is starting, restoring state or rebalancing. Transient —
 * the HTTP API answers 503 and the caller retries.
 */
public class ScoresUnavailableException extends RuntimeException {

    ScoresUnavailableException(String store, Exception cause) {
        super("Store " + store + " is not queryable right now: " + cause.getMessage(), cause);
    }
}
