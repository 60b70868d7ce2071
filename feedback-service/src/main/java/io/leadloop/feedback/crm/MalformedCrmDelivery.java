package io.leadloop.feedback.crm;

/** A CRM delivery that is not of the shape the CRM documents; retrying it cannot help. */
public class MalformedCrmDelivery extends RuntimeException {

    public MalformedCrmDelivery(String message) {
        super(message);
    }
}
