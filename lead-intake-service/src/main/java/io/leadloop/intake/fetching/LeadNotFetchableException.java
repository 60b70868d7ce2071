package io.leadloop.intake.fetching;

/**
 * A notified lead that no amount of retrying will fetch (the platform says it does not exist, the record is not a
 * notification, the id is not one the platform could have issued). Not retried: it goes straight to the
 * dead-letter topic, with this message and its cause in the headers, where an operator can inspect and replay it.
 */
public class LeadNotFetchableException extends RuntimeException {

    public LeadNotFetchableException(String message) {
        super(message);
    }

    public LeadNotFetchableException(String message, Throwable cause) {
        super(message, cause);
    }
}
