package io.leadloop.handoff.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-LeadLoop-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. The timestamp is signed
 * with the body so a receiver can refuse replays older than a few minutes (Stripe's scheme, which receivers know).
 */
final class WebhookSigner {

    static final String HEADER = "X-LeadLoop-Signature";

    private final byte[] key;

    WebhookSigner(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hmac(unixSeconds, body);
    }

    String hmac(long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
        }
    }
}
