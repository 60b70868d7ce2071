package io.leadloop.handoff.web;

/** No handoff is known for a lead: it is not an MQL, or its score has not been processed yet. */
class HandoffNotFoundException extends RuntimeException {

    private final String leadId;

    HandoffNotFoundException(String leadId) {
        super("No handoff for lead " + leadId);
        this.leadId = leadId;
    }

    String leadId() {
        return leadId;
    }
}
