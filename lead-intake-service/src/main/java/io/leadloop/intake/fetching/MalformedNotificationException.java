package io.leadloop.intake.fetching;

/**
 * A signed notification whose body is not what the platform documents (not JSON, not an object): answered 400
 * naming where it went wrong. Rare by nature, since only the platform can sign.
 */
public class MalformedNotificationException extends RuntimeException {

    private final String pointer;

    public MalformedNotificationException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** JSON pointer of what is wrong ({@code ""} for the whole body). */
    public String pointer() {
        return pointer;
    }
}
