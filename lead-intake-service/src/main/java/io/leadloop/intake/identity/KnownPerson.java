package io.leadloop.intake.identity;

/**
 * A person intake has seen before: their lead, how many touches it has had, and the id of the data key their
 * contact was sealed with ({@code null} for leads captured before sealing).
 *
 * <p>Stored as {@code leadId,touch[,keyId]} in the identity store.
 */
public record KnownPerson(String leadId, int touches, String keyId) {

    public KnownPerson(String leadId, int touches) {
        this(leadId, touches, null);
    }

    public KnownPerson withKeyId(String sealedWith) {
        return new KnownPerson(leadId, touches, sealedWith);
    }

    static KnownPerson parse(String stored) {
        String[] parts = stored.split(",", 3);
        return new KnownPerson(parts[0], Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : null);
    }

    String format() {
        return keyId == null ? leadId + "," + touches : leadId + "," + touches + "," + keyId;
    }
}
