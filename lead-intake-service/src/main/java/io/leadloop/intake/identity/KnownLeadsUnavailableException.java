package io.leadloop.intake.identity;

/**
 * The stores that recognise repeat deliveries are not ready (still restoring after a start or a rebalance).
 * Transient: intake answers 503 with Retry-After rather than risk a duplicate lead.
 */
public class KnownLeadsUnavailableException extends RuntimeException {

    public KnownLeadsUnavailableException(String store, Throwable cause) {
        super("Store " + store + " not ready: " + cause.getMessage(), cause);
    }
}
