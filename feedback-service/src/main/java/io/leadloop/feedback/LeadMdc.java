package io.leadloop.feedback;

import org.slf4j.MDC;

/** Puts the lead id in the logging context, where the log pattern prints it, so one lead's story can be grepped. */
public final class LeadMdc {

    public static final String KEY = "leadId";

    private LeadMdc() {
    }

    /** Use in try-with-resources; the lead id is removed again on close. */
    public static MDC.MDCCloseable lead(String leadId) {
        return MDC.putCloseable(KEY, leadId);
    }
}
