package io.leadloop.intake.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Erasure and sealing settings ({@code leadloop.intake.privacy.*}).
 *
 * @param keyLookupWait how long a lookup of a key this instance has not read yet waits for the keys topic
 * @param keysDeleteRetention how long a shredded key's tombstone stays on {@code privacy.person-keys.v1}
 * @param keysMaxCompactionLag the longest a shredded key's record may stay uncompacted (the log cleaner removes it)
 * @param keyFetchWait how far apart the key reader fetches new keys ({@code 0}: one fetch per new key). Intake writes
 *        the keys and remembers its own, so only keys of other instances and an erasure's catch-up wait for it
 */
@ConfigurationProperties("leadloop.intake.privacy")
public record PrivacyProperties(
        @DefaultValue("10s") Duration keyLookupWait,
        @DefaultValue("1d") Duration keysDeleteRetention,
        @DefaultValue("1h") Duration keysMaxCompactionLag,
        @DefaultValue("25ms") Duration keyFetchWait) {
}
