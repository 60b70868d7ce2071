package io.leadloop.handoff.assignment;

/** The handoff store cannot be read right now (the app is starting, restoring or rebalancing): try again soon. */
public class HandoffsUnavailableException extends RuntimeException {

    public HandoffsUnavailableException(Throwable cause) {
        super("Handoffs cannot be read right now: " + cause.getMessage(), cause);
    }
}
