package io.leadloop.feedback.funnel;

/** The funnel's state cannot be read right now (Kafka Streams is starting, restoring or rebalancing). */
public class FunnelNotReady extends RuntimeException {

    public FunnelNotReady(Throwable cause) {
        super("The funnel state is not available yet; try again shortly", cause);
    }
}
