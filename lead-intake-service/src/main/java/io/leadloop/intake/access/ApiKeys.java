package io.leadloop.intake.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.security.ApiKeyRing;

/**
 * The keys callers of our JSON API present, one per source of type {@code api} ({@code secret}, and during a
 * rotation also {@code previousSecret}, so two are valid at once and rotation needs no downtime).
 *
 * <p>Compared by service-security's {@link ApiKeyRing}: every presented key against <em>every</em> configured key in
 * constant time over SHA-256 digests, so neither the time taken nor an early exit tells an attacker how much of a
 * key matched, how long it is, or which source it belongs to.
 */
public final class ApiKeys {

    /** The source type whose secrets are API keys. */
    public static final String API_TYPE = "api";

    private final ApiKeyRing ring;

    private ApiKeys(ApiKeyRing ring) {
        this.ring = ring;
    }

    /** The keys of every enabled {@code api} source that has at least one secret. */
    public static ApiKeys of(Map<String, SourceSettings> sources) {
        var keys = new LinkedHashMap<String, List<String>>();
        sources.forEach((name, settings) -> {
            if (API_TYPE.equals(settings.type()) && settings.enabled()) {
                keys.put(name, settings.validSecrets());
            }
        });
        return new ApiKeys(ApiKeyRing.of(keys));
    }

    /** Whether any key is configured; without one, the JSON API is open (a development setup, warned about). */
    public boolean configured() {
        return ring.configured();
    }

    /** The source the key belongs to, or empty when it is nobody's. */
    public Optional<String> sourceOf(String presented) {
        return ring.callerOf(presented);
    }
}
