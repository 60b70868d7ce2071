package io.leadloop.schemas.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died instead of shutting the whole client down (Kafka Streams' default).
 *
 * <p>Why: under exactly-once, a broker outage or a partition leader change can time out a
 * {@code commitTransaction}; the thread's producer is then unusable and the thread dies. With the default handler
 * the client went to {@code ERROR} and the service processed nothing until someone restarted it (found by the
 * fault suite, scenarios 2 and 8). A replacement thread gets a fresh producer, its tasks resume from the last
 * committed transaction, so nothing is lost or doubled. Records that fail to deserialize or process never get
 * here: the dead-letter handler parks them. A failing <em>global</em> thread cannot be replaced; Kafka Streams
 * shuts the client down then, the health check turns DOWN, and the platform restarts the service.
 */
public final class ReplaceFailedStreamThreads implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReplaceFailedStreamThreads.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        log.warn("A Kafka Streams thread failed; replacing it (its tasks resume from the last commit)", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
