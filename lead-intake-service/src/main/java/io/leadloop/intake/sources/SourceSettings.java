package io.leadloop.intake.sources;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One configured lead source ({@code leadloop.intake.sources.<name>}): which kind of sender it is, whether it is
 * on, its secrets (from the environment, never from files in the repo), and how its fields map to ours.
 *
 * @param type the adapter: {@code api}, {@code form}, {@code google-ads}, {@code meta}, {@code linkedin},
 *     {@code typeform}, {@code hubspot}
 * @param enabled a disabled source answers 404, as if it did not exist
 * @param secret the shared secret: Google's {@code google_key}, Meta's app secret, LinkedIn's client secret,
 *     Typeform's webhook secret, HubSpot's client secret
 * @param previousSecret the secret being rotated out; accepted alongside {@code secret} so rotation needs no
 *     downtime
 * @param verifyToken Meta's {@code hub.verify_token} for the subscription handshake
 * @param accessToken token for fetching leads from the platform's API (Meta Graph API, LinkedIn)
 * @param apiBaseUrl base URL of the platform's API, so tests and proxies can stand in for it
 * @param fieldMapping platform field name → our field (see {@link FieldMapper#FIELDS}); anything not mapped is kept
 *     as an attribute under its platform name
 * @param campaignId campaign to record when the platform does not say one
 * @param thankYouUrl where a browser posting an HTML form is redirected after its lead was taken
 * @param allowedOrigins browser origins allowed to post to this source (CORS)
 * @param requestsPerSecond sustained rate allowed from this source before {@code 429}
 * @param maxSignatureAge how old a signed timestamp may be (HubSpot v3: 5 minutes)
 */
public record SourceSettings(
        String type,
        @DefaultValue("true") boolean enabled,
        String secret,
        String previousSecret,
        String verifyToken,
        String accessToken,
        String apiBaseUrl,
        @DefaultValue Map<String, String> fieldMapping,
        String campaignId,
        String thankYouUrl,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("50") int requestsPerSecond,
        @DefaultValue("5m") Duration maxSignatureAge) {

    public SourceSettings {
        fieldMapping = fieldMapping == null ? Map.of() : Map.copyOf(fieldMapping);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /** The secrets that currently verify a delivery: the current one, and during rotation the previous one. */
    public List<String> validSecrets() {
        return java.util.stream.Stream.of(secret, previousSecret).filter(s -> s != null && !s.isBlank()).toList();
    }

    @Override
    public String toString() {
        // Never print secrets, even in a debug log of the configuration.
        return "SourceSettings[type=" + type + ", enabled=" + enabled + ", fieldMapping=" + fieldMapping
                + ", campaignId=" + campaignId + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
