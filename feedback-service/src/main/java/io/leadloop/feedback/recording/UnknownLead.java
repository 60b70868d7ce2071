package io.leadloop.feedback.recording;

/** Feedback for a lead whose capture has not been seen: recording it would count a lead nobody can place. */
public class UnknownLead extends RuntimeException {

    private final String leadId;

    public UnknownLead(String leadId) {
        super("Lead " + leadId + " has not been captured (or its capture has not reached feedback yet)");
        this.leadId = leadId;
    }

    public String leadId() {
        return leadId;
    }
}
