package io.leadloop.intake.sources;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures as the platforms compute them, and comparisons that take the same time whatever the input
 * (so an attacker cannot learn a secret byte by byte from response times).
 */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hmacSha256Hex(String secret, byte[] message) {
        return HexFormat.of().formatHex(hmacSha256(secret, message));
    }

    public static String hmacSha256Base64(String secret, byte[] message) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, message));
    }

    /** Constant-time equality of two strings (as their UTF-8 bytes); null never equals anything. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code presented} matches the signature computed with any of the secrets; every secret is checked,
     * so timing does not reveal which one matched.
     */
    public static boolean matchesAny(List<String> secrets, java.util.function.Function<String, String> signatureFor,
            String presented) {
        boolean matched = false;
        for (String secret : secrets) {
            matched |= constantTimeEquals(signatureFor.apply(secret), presented);
        }
        return matched;
    }
}
