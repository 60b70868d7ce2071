package io.leadloop.schemas;

import java.util.List;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.FunnelNumbersChanged;
import io.leadloop.events.HandoffWithheld;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.events.LeadEscalated;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadRecycled;
import io.leadloop.events.LeadScored;
import io.leadloop.events.PersonErased;
import io.leadloop.events.PersonKeyCreated;
import io.leadloop.events.RepRosterChanged;
import io.leadloop.events.SlaBreached;
import io.leadloop.events.SlaReminderDue;

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

    // Handoff: roster, SLA clock, escalation, recycling (issue 5; published by handoff-service)
    /** The rep roster, keyed by repId; compacted: the latest change per rep is the roster, the topic its audit. */
    public static final Topic<RepRosterChanged> HANDOFF_ROSTER = new Topic<>("handoff.roster.v1", RepRosterChanged.class);
    /** Part of a lead's time to first touch has passed: remind the owner. */
    public static final Topic<SlaReminderDue> LEADS_SLA_REMINDERS = new Topic<>("leads.sla-reminders.v1", SlaReminderDue.class);
    /** A lead's first touch was not made in time. */
    public static final Topic<SlaBreached> LEADS_SLA_BREACHED = new Topic<>("leads.sla-breached.v1", SlaBreached.class);
    /** A step of the escalation ladder after a breach: manager notified or lead reassigned. */
    public static final Topic<LeadEscalated> LEADS_ESCALATED = new Topic<>("leads.escalated.v1", LeadEscalated.class);
    /** Sales rejected a lead; it goes back to marketing with the reason. */
    public static final Topic<LeadRecycled> LEADS_RECYCLED = new Topic<>("leads.recycled.v1", LeadRecycled.class);

    // Lead definitions, agreed (issue 4; published by qualification-service)
    /**
     * Lead definition versions proposed, approved and activated; compacted, keyed by definition version (not by
     * lead): the latest record per version is its state, the topic the audit trail.
     */
    public static final Topic<LeadDefinitionChanged> LEAD_DEFINITIONS =
            new Topic<>("qualification.lead-definitions.v1", LeadDefinitionChanged.class);

    // Access and consent (issue 9; published by handoff-service)
    /** An MQL was not handed to sales: the person declined sales contact (or opt-in is required and unknown). */
    public static final Topic<HandoffWithheld> LEADS_HANDOFF_WITHHELD =
            new Topic<>("leads.handoff-withheld.v1", HandoffWithheld.class);

    // Erasure by crypto-shredding (issue 9; published by lead-intake-service's privacy capability)
    /**
     * A data key per person, keyed by keyId ({@code <personId>:<random>}); compacted, a tombstone is the erasure.
     * Read only through {@code io.leadloop.schemas.privacy.PersonKeyRing}.
     */
    public static final Topic<PersonKeyCreated> PERSON_KEYS = new Topic<>("privacy.person-keys.v1", PersonKeyCreated.class);
    /** A person was erased: their key is shredded; read models blank their leads. One per lead, keyed by leadId. */
    public static final Topic<PersonErased> PERSONS_ERASED = new Topic<>("privacy.persons-erased.v1", PersonErased.class);

    /** All event topics, e.g. for tooling that creates or inspects them. */
    public static final List<Topic<?>> ALL = List.of(LEADS_CAPTURED, LEADS_SCORED, LEADS_HANDED_OFF, FEEDBACK_RECORDED,
            FUNNEL_NUMBERS, HANDOFF_ROSTER, LEADS_SLA_REMINDERS, LEADS_SLA_BREACHED, LEADS_ESCALATED, LEADS_RECYCLED,
            LEAD_DEFINITIONS, LEADS_HANDOFF_WITHHELD, PERSON_KEYS, PERSONS_ERASED);

    private Topics() {
    }
}
