package io.leadloop.feedback.crm.salesforce.domain;

/** The body is not a Salesforce outbound message we can read; redelivering it will not help. */
public class MalformedOutboundMessage extends RuntimeException {

    public MalformedOutboundMessage(String message) {
        super(message);
    }
}
