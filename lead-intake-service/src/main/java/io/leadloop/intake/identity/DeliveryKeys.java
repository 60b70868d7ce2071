package io.leadloop.intake.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Names a delivery so that the same delivery twice is recognised: by the platform's lead id or the sender's
 * {@code Idempotency-Key} when there is one, else by the normalised content (the same form posted twice by a
 * retrying sender is the same delivery).
 *
 * <p>Ids derived from the key are deterministic, so even when two instances race on the same delivery they
 * publish the same lead and event ids, and consumers' per-id idempotence absorbs the duplicate.
 */
public final class DeliveryKeys {

    private DeliveryKeys() {
    }

    /** The key of a delivery that names itself (platform lead id or Idempotency-Key). */
    public static String named(String source, String deliveryId) {
        return sha256("delivery|" + source + "|" + deliveryId);
    }

    /** The key of a delivery known only by what it says. */
    public static String ofContent(String source, byte[] normalisedContent) {
        return sha256("content|" + source + "|" + HexFormat.of().formatHex(sha256Bytes(normalisedContent)));
    }

    /** The id a new lead gets from its first delivery. */
    public static String leadIdFor(String deliveryKey) {
        return UUID.nameUUIDFromBytes(("lead|" + deliveryKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id of the LeadCaptured event a delivery produces. */
    public static String eventIdFor(String deliveryKey) {
        return UUID.nameUUIDFromBytes(("event|" + deliveryKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String sha256(String value) {
        return HexFormat.of().formatHex(sha256Bytes(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256Bytes(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
