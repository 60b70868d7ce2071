package io.leadloop.qualification.web;

/** No score is known for the lead: it was never captured, or qualification has not scored it yet. */
class UnknownLeadException extends RuntimeException {

    private final String leadId;

    UnknownLeadException(String leadId) {
        super("No score for lead " + leadId + ": it was not captured, or has not been scored yet");
        this.leadId = leadId;
    }

    String leadId() {
        return leadId;
    }
}
