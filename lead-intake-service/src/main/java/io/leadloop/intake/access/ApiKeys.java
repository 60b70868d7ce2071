package io.leadloop.intake.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leadloop.intake.sources.SourceSettings;

/**
 * The keys callers of our JSON API present, one per source of type {@code api} ({@code secret}, and during a
 * rotation also {@code previousSecret}, so two are valid at once and rotation needs no downtime).
 *
 * <p>Every presented key is compared with <em>every</em> configured key in constant time
 * ({@link MessageDigest#isEqual}) and over SHA-256 digests of equal length, so neither the time taken nor an early
 * exit tells an attacker how much of a key matched, how long it is, or which source it belongs to.
 */
public final class ApiKeys {

    /** The source type whose secrets are API keys. */
    public static final String API_TYPE = "api";

    private final List<Key> keys;

    private record Key(String source, byte[] digest) {
    }

    private ApiKeys(List<Key> keys) {
        this.keys = keys;
    }

    /** The keys of every enabled {@code api} source that has at least one secret. */
    public static ApiKeys of(Map<String, SourceSettings> sources) {
        return new ApiKeys(sources.entrySet().stream()
                .filter(e -> API_TYPE.equals(e.getValue().type()) && e.getValue().enabled())
                .flatMap(e -> e.getValue().validSecrets().stream().map(secret -> new Key(e.getKey(), sha256(secret))))
                .toList());
    }

    /** Whether any key is configured; without one, the JSON API is open (a development setup, warned about). */
    public boolean configured() {
        return !keys.isEmpty();
    }

    /** The source the key belongs to, or empty when it is nobody's. */
    public Optional<String> sourceOf(String presented) {
        byte[] digest = sha256(presented);
        String match = null;
        for (Key key : keys) {
            // No early exit: every key is compared whatever matched before.
            if (MessageDigest.isEqual(key.digest(), digest) && match == null) {
                match = key.source();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
