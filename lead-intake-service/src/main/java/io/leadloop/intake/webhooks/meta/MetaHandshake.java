package io.leadloop.intake.webhooks.meta;

import io.leadloop.intake.sources.Signatures;

/**
 * Meta's subscription handshake: {@code GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...}. Meta
 * subscribes the endpoint only when it echoes the challenge, and only the owner of the verify token should be able
 * to make it echo anything.
 */
final class MetaHandshake {

    private static final int MAX_CHALLENGE = 200;

    private MetaHandshake() {
    }

    sealed interface Answer permits Echo, Refusal {
    }

    /** Answer 200 with the challenge as text. */
    record Echo(String challenge) implements Answer {
    }

    /**
     * Answer with a problem.
     *
     * @param forbidden 403 (the token or mode is wrong) rather than 400 (the challenge is missing)
     * @param parameter the query parameter that failed
     */
    record Refusal(boolean forbidden, String parameter, String detail) implements Answer {
    }

    static Answer answer(String configuredToken, String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode)) {
            return new Refusal(true, "hub.mode", "hub.mode must be 'subscribe'");
        }
        if (configuredToken == null || configuredToken.isBlank()) {
            return new Refusal(true, "hub.verify_token", "this source has no verify token configured");
        }
        if (!Signatures.constantTimeEquals(configuredToken, verifyToken)) {
            return new Refusal(true, "hub.verify_token", "hub.verify_token does not match this source's verify token");
        }
        if (challenge == null || challenge.isBlank() || challenge.length() > MAX_CHALLENGE) {
            return new Refusal(false, "hub.challenge", "hub.challenge is required (at most " + MAX_CHALLENGE
                    + " characters)");
        }
        return new Echo(challenge);
    }
}
