package io.leadloop.intake.publishing;

/**
 * Kafka did not acknowledge a lead in time. Transient by nature (broker down, leader moving): the sender is told
 * to retry, never that the lead was taken.
 */
public class LeadNotPublishedException extends RuntimeException {

    public LeadNotPublishedException(String leadId, Throwable cause) {
        super("Lead " + leadId + " was not acknowledged by Kafka: " + cause.getMessage(), cause);
    }
}
