package io.leadloop.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys of named callers, each with up to two valid keys so that a rotation needs no downtime (the new key is
 * added, callers move over, the old one is removed).
 *
 * <p>Every presented key is compared with <em>every</em> configured key in constant time
 * ({@link MessageDigest#isEqual}) over SHA-256 digests of equal length, so neither the time taken nor an early exit
 * tells an attacker how much of a key matched, how long it is, or whose it is. (The approach of intake's JSON API
 * keys, which delegate here.)
 */
public final class ApiKeyRing {

    private record Key(String caller, byte[] digest) {
    }

    private final List<Key> keys;

    private ApiKeyRing(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * @param keysByCaller each caller's valid keys; blank or null keys are ignored (an unset environment variable)
     */
    public static ApiKeyRing of(Map<String, ? extends List<String>> keysByCaller) {
        var keys = new ArrayList<Key>();
        keysByCaller.forEach((caller, secrets) -> secrets.stream()
                .filter(secret -> secret != null && !secret.isBlank())
                .forEach(secret -> keys.add(new Key(caller, sha256(secret.strip())))));
        return new ApiKeyRing(keys);
    }

    /** Whether any key is configured. */
    public boolean configured() {
        return !keys.isEmpty();
    }

    /** The caller the key belongs to, or empty when it is nobody's. */
    public Optional<String> callerOf(String presented) {
        byte[] digest = sha256(presented == null ? "" : presented.strip());
        String match = null;
        for (Key key : keys) {
            // No early exit: every key is compared whatever matched before.
            if (MessageDigest.isEqual(key.digest(), digest) && match == null) {
                match = key.caller();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
