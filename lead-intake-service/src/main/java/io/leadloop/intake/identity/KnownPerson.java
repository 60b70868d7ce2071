package io.leadloop.intake.identity;

/**
 * A person intake has seen before: their lead and how many touches it has had.
 *
 * <p>Stored as {@code leadId,touch} on the identity topic.
 */
public record KnownPerson(String leadId, int touches) {

    static KnownPerson parse(String stored) {
        int comma = stored.lastIndexOf(',');
        return new KnownPerson(stored.substring(0, comma), Integer.parseInt(stored.substring(comma + 1)));
    }

    String format() {
        return leadId + "," + touches;
    }
}
