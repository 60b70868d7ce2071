package io.leadloop.intake.fetching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notified leads are fetched ({@code leadloop.intake.fetching.*}).
 *
 * @param retry retries from Kafka when a fetch keeps failing (minutes apart, surviving restarts)
 * @param http the calls to the platform's API, with a short in-call retry for blips
 * @param enqueueTimeout how long a webhook waits for Kafka to acknowledge its notifications before answering 503
 * @param captureTimeout how long a fetch waits for the fetched lead to be captured (published) before it counts
 *     as failed and is retried
 */
@ConfigurationProperties("leadloop.intake.fetching")
public record FetchProperties(
        @DefaultValue Retry retry,
        @DefaultValue Http http,
        @DefaultValue("20s") Duration enqueueTimeout,
        @DefaultValue("30s") Duration captureTimeout) {

    /**
     * Spring Kafka non-blocking retries: delays {@code initialDelay × multiplier^n}, capped at {@code maxDelay};
     * after {@code attempts} deliveries (the first included) the notification is parked on the dead-letter topic.
     * The defaults (6 attempts, 2 s × 3) retry for about four minutes: 2 s, 6 s, 18 s, 54 s, 162 s.
     */
    public record Retry(
            @DefaultValue("6") int attempts,
            @DefaultValue("2s") Duration initialDelay,
            @DefaultValue("3.0") double multiplier,
            @DefaultValue("10m") Duration maxDelay) {
    }

    /**
     * @param tries calls per delivery of a notification before handing it to Kafka's retries
     * @param backoff wait before the second call, doubled for each further one
     * @param maxBackoff the longest in-call wait; a longer Retry-After ends the attempt and leaves the wait to Kafka
     * @param connectTimeout connecting to the platform
     * @param requestTimeout one call, from sending the request to the whole response
     */
    public record Http(
            @DefaultValue("3") int tries,
            @DefaultValue("500ms") Duration backoff,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration requestTimeout) {
    }
}
