package io.leadloop.intake.privacy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Intake's identity makes one lead per person (a returning person is a new touch of it), so a person's id is
 * derived from that lead's id: deterministic, so two instances racing on a new person agree on it.
 */
public final class PersonIds {

    private PersonIds() {
    }

    public static String forLead(String leadId) {
        return UUID.nameUUIDFromBytes(("person|" + leadId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
