package io.leadloop.feedback.funnel.state;

/**
 * A state value this build cannot read: an unknown format-version byte (written by a newer feedback-service, or not
 * ours at all) or bytes that do not decode. Thrown from a store's deserializer it stops the stream thread, which is
 * meant: carrying on would count the lead from nothing and corrupt the numbers.
 */
public final class UnreadableState extends RuntimeException {

    UnreadableState(String message, Throwable cause) {
        super(message, cause);
    }
}
