package io.leadloop.security.state;

/**
 * A state value this build cannot read: an unknown format-version byte (written by a newer version of the service, or
 * not ours at all) or bytes that do not decode. Thrown from a store's deserializer it stops the stream thread, which is
 * meant: carrying on would start the key's state from nothing and corrupt what is derived from it.
 */
public final class UnreadableState extends RuntimeException {

    public UnreadableState(String message, Throwable cause) {
        super(message, cause);
    }
}
