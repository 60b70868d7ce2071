package io.leadloop.intake.sources;

/**
 * A webhook delivery whose signature, key or timestamp did not check out: answered 401, and nothing is taken.
 * The message says which check failed, never the expected value.
 */
public class UnauthenticDeliveryException extends RuntimeException {

    public UnauthenticDeliveryException(String message) {
        super(message);
    }
}
