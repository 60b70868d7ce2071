package io.leadloop.intake.fetching;

/**
 * Fetching a notified lead failed in a way that may pass (platform 5xx or 429, network, timeout, an expired token
 * that someone may renew): the notification is retried later from Kafka's retry topics.
 */
public class LeadFetchFailedException extends RuntimeException {

    public LeadFetchFailedException(String message) {
        super(message);
    }

    public LeadFetchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
