package io.leadloop.handoff.delivery;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code leadloop.handoff.delivery.*}: where and how handoffs are delivered. Off unless {@code url} is set.
 *
 * @param url the endpoint receiving {@code POST}s (a CRM, Zapier, Slack, ...)
 * @param secret the shared HMAC-SHA256 key; required with {@code url}; from the environment, never a file
 * @param maxAttempts attempts per handoff before it is dead-lettered
 * @param initialBackoff wait before the second attempt; doubles per attempt up to {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts, also the cap on a {@code Retry-After}
 * @param requestTimeout per attempt
 * @param groupId the consumer group (its committed offsets are the connector's progress)
 */
@ConfigurationProperties("leadloop.handoff.delivery")
public record DeliveryProperties(URI url, String secret, @DefaultValue("6") int maxAttempts,
        @DefaultValue("PT1S") Duration initialBackoff, @DefaultValue("PT60S") Duration maxBackoff,
        @DefaultValue("PT10S") Duration requestTimeout, @DefaultValue("leadloop-handoff-delivery") String groupId) {

    public DeliveryProperties {
        if (url != null) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("leadloop.handoff.delivery.url must be http(s), was " + url);
            }
            if (secret == null || secret.length() < 16) {
                throw new IllegalArgumentException(
                        "leadloop.handoff.delivery.secret must be set (16+ characters) when delivery.url is");
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("leadloop.handoff.delivery.max-attempts must be at least 1");
        }
    }

    RetrySchedule schedule() {
        return new RetrySchedule(maxAttempts, initialBackoff, maxBackoff);
    }

    /** The longest one handoff can take, all attempts and waits included (the consumer's poll interval). */
    Duration worstCase() {
        return maxBackoff.plus(requestTimeout).multipliedBy(maxAttempts);
    }
}
