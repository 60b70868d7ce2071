package io.leadloop.schemas;

import java.util.List;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.FunnelNumbersChanged;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;

/**
 * Every topic the services talk through, in one place. All lead topics are keyed by {@code leadId} so one lead's
 * history stays ordered in one partition.
 */
public final class Topics {

    /** Intake accepted a lead (published by lead-intake-service). */
    public static final Topic<LeadCaptured> LEADS_CAPTURED = new Topic<>("leads.captured.v1", LeadCaptured.class);
    /** Qualification scored a lead (published by qualification-service). */
    public static final Topic<LeadScored> LEADS_SCORED = new Topic<>("leads.scored.v1", LeadScored.class);
    /** A qualified lead reached a rep (published by handoff-service; the CRM contract). */
    public static final Topic<LeadHandedOff> LEADS_HANDED_OFF = new Topic<>("leads.handed-off.v1", LeadHandedOff.class);
    /** Sales said what happened to a lead (published by feedback-service). */
    public static final Topic<FeedbackRecorded> FEEDBACK_RECORDED = new Topic<>("feedback.recorded.v1", FeedbackRecorded.class);

    // Closed-loop numbers (issue 6, feedback-service)
    /**
     * The closed-loop numbers per campaign, source, form, landing page and rep per day (published by
     * feedback-service). Compacted; keyed by {@code <dimension>|<value>|<yyyy-MM-dd>}, not by lead.
     */
    public static final Topic<FunnelNumbersChanged> FUNNEL_NUMBERS =
            new Topic<>("feedback.funnel-numbers.v1", FunnelNumbersChanged.class);

    /** All event topics, e.g. for tooling that creates or inspects them. */
    public static final List<Topic<?>> ALL = List.of(LEADS_CAPTURED, LEADS_SCORED, LEADS_HANDED_OFF, FEEDBACK_RECORDED);

    private Topics() {
    }
}
