package io.leadloop.feedback.crm;

/** A CRM delivery that cannot be shown to come from the CRM (signature, timestamp, organisation); nothing is read. */
public class WebhookUnauthorized extends RuntimeException {

    public WebhookUnauthorized(String message) {
        super(message);
    }
}
