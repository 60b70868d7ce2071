package io.leadloop.intake;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadloop.intake.sources.SourceSettings;

/**
 * lead-intake-service's own settings.
 *
 * @param defaultPhoneRegion ISO 3166 region used to read national phone numbers when the lead names no country
 * @param retryAfter what a {@code 503} tells senders to wait before retrying when Kafka cannot take the lead
 * @param topics how the topics intake writes are created
 * @param sources every lead source by name (web forms, ad platforms' webhooks), see {@link SourceSettings}
 */
@ConfigurationProperties("leadloop.intake")
public record IntakeProperties(
        @DefaultValue("US") String defaultPhoneRegion,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue Topics topics,
        @DefaultValue Map<String, SourceSettings> sources) {

    public IntakeProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    /** Partitions bound how many consumer instances share the work; replication how many broker losses we survive. */
    public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
    }
}
