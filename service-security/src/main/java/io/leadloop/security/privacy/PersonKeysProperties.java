package io.leadloop.security.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The person-key reader of a service that imports {@link PersonKeysConfiguration} ({@code leadloop.person-keys.*}).
 *
 * @param missWait how long a lookup of a key the reader has not read yet waits for it to reach the topic's end
 * @param fetchWait {@code 0}: fetch each new key as soon as it is written (the consumer's defaults, one fetch per
 *        key); more: fetch new keys in batches at most this far apart, so the reader lags a new key by up to this
 *        and a lookup in that window waits up to this. Worth it only where leads reach the service well after
 *        their key (handoff: behind qualification's transaction commits), see {@code PersonKeyRingBenchmark}
 */
@ConfigurationProperties("leadloop.person-keys")
public record PersonKeysProperties(
        @DefaultValue("10s") Duration missWait,
        @DefaultValue("0ms") Duration fetchWait) {
}
