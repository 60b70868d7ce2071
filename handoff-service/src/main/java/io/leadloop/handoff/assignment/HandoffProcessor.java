package io.leadloop.handoff.assignment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.leadloop.events.EscalationAction;
import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.HandoffWithheld;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.LeadEscalated;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.PersonErased;
import io.leadloop.schemas.privacy.PersonalData;
import io.leadloop.events.LeadRecycled;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadStage;
import io.leadloop.events.Priority;
import io.leadloop.events.RepRosterChanged;
import io.leadloop.events.SalesOutcome;
import io.leadloop.events.SlaBreached;
import io.leadloop.events.SlaReminderDue;
import io.leadloop.handoff.assignment.LeadState.Phase;
import io.leadloop.handoff.assignment.LeadState.SlaStatus;
import io.leadloop.handoff.assignment.LeadState.Status;
import io.leadloop.handoff.roster.RosterChanges;
import io.leadloop.handoff.routing.LeadProfile;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.routing.RepStatus;
import io.leadloop.handoff.routing.RoutingDecision;
import io.leadloop.handoff.sla.EscalationLadder;

/**
 * The handoff state machine of every lead, in one task (see {@link HandoffTopology}):
 *
 * <ul>
 * <li>an MQL {@code LeadScored} of a lead not handed off yet (or recycled since) is routed and handed off, its
 * SLA timer set;</li>
 * <li>a wall-clock punctuation fires due timers from the {@link HandoffStores#SLA_TIMERS} index: reminder,
 * breach, then the escalation ladder (notify the manager, reassign with a fresh clock);</li>
 * <li>the first touch in {@code FeedbackRecorded} stops the clock; a rejection recycles the lead to marketing;
 * rejected, won and lost leads leave the owner's open queue.</li>
 * </ul>
 *
 * <p>Timers are rows of a changelogged store, so they survive restarts and move with the task; under exactly-once
 * a timer's removal and the event it fires commit together.
 */
final class HandoffProcessor implements Processor<String, Object, String, SpecificRecord> {

    static final String CREDITS_KEY = "credits";

    /** Outcomes that show the rep acted on the lead: the first one stops the SLA clock. */
    private static final Set<SalesOutcome> TOUCHES = EnumSet.of(SalesOutcome.CONTACTED, SalesOutcome.ACCEPTED,
            SalesOutcome.REJECTED, SalesOutcome.MEETING_BOOKED, SalesOutcome.OPPORTUNITY, SalesOutcome.WON,
            SalesOutcome.LOST);
    /** Outcomes after which the lead is no longer in the owner's open queue. */
    private static final Set<SalesOutcome> CLOSES = EnumSet.of(SalesOutcome.REJECTED, SalesOutcome.WON,
            SalesOutcome.LOST, SalesOutcome.RECYCLED);

    private static final Logger log = LoggerFactory.getLogger(HandoffProcessor.class);

    private final HandoffRules rules;
    private final PersonalData personalData;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, LeadHandedOff> handoffs;
    private KeyValueStore<String, LeadState> states;
    private KeyValueStore<String, String> timers;
    private KeyValueStore<String, String> queues;
    private KeyValueStore<String, RepLoad> loads;
    private KeyValueStore<String, RoutingCredits> credits;
    private KeyValueStore<String, RepRosterChanged> roster;

    private final HandoffMeters meters;

    HandoffProcessor(HandoffRules rules, PersonalData personalData, HandoffMeters meters) {
        this.personalData = personalData;
        this.rules = rules;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.handoffs = context.getStateStore(HandoffStores.HANDOFFS);
        this.states = context.getStateStore(HandoffStores.LEAD_STATES);
        this.timers = context.getStateStore(HandoffStores.SLA_TIMERS);
        this.queues = context.getStateStore(HandoffStores.REP_QUEUES);
        this.loads = context.getStateStore(HandoffStores.REP_LOADS);
        this.credits = context.getStateStore(HandoffStores.ROUTING_CREDITS);
        this.roster = context.getStateStore(RosterChanges.ROSTER_STORE);
        // Wall-clock, not stream time: a timer must fire when its time comes even if no lead arrives.
        context.schedule(rules.timerInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
    }

    @Override
    public void process(Record<String, Object> record) {
        switch (record.value()) {
            case LeadScored scored -> withLead(scored.getLeadId(), () -> handOff(scored));
            case FeedbackRecorded feedback -> withLead(feedback.getLeadId(), () -> feedback(feedback));
            case PersonErased erased -> withLead(record.key(), () -> ErasedHandoffs.forget(record.key(), handoffs));
            case null, default -> { }
        }
    }

    // ---------------------------------------------------------------------------------------------- handoff

    private void handOff(LeadScored scored) {
        if (scored.getStage() != LeadStage.MQL) {
            return;
        }
        String leadId = scored.getLeadId();
        LeadState earlier = states.get(leadId);
        if (earlier != null && earlier.status() != Status.RECYCLED) {
            log.info("Lead re-scored as MQL but already handed off to {}: not handed off again", earlier.ownerRepId());
            return;
        }
        Instant now = now();
        if (withheldForConsent(scored, now)) {
            return;
        }
        int number = earlier == null ? 1 : earlier.handoffNumber() + 1;
        RoutingDecision decision = route(scored.getLead(), now, Set.of());
        Rep owner = decision.owner();
        Instant dueAt = rules.sla().dueAt(scored.getPriority(), owner.team(), now);
        LeadHandedOff handedOff = LeadHandedOff.newBuilder()
                .setEventId(eventIdFor(scored))
                .setOccurredAt(now)
                .setLeadId(leadId)
                .setOwnerRepId(owner.id())
                .setOwnerTeam(owner.team())
                .setRoutingReason(decision.reason())
                .setRoutingRule(decision.rule())
                .setRoutingTrace(decision.trace())
                .setSlaDueAt(dueAt)
                .setScore(scored.getScore())
                .setPriority(scored.getPriority())
                .setReasons(scored.getReasons())
                .setDefinitionVersion(scored.getDefinitionVersion())
                .setLead(scored.getLead())
                .setHandoffNumber(number)
                .build();
        handoffs.put(leadId, handedOff);
        assign(owner, leadId, now);
        var state = new LeadState(leadId, number, owner.id(), owner.team(), scored.getPriority().name(), now, dueAt,
                Status.OPEN, SlaStatus.RUNNING, Phase.NONE, null, 0, List.of(), null);
        states.put(leadId, startClock(state, now));
        forward(leadId, handedOff, now);
        meters.handedOff(scored.getPriority().name());
        log.debug("Lead handed off to {} ({}), first touch due at {}", owner.id(), decision.reason(), dueAt);
    }

    /** A person who declined sales contact is never handed off, whatever the score: marketing is told instead. */
    private boolean withheldForConsent(LeadScored scored, Instant now) {
        LeadDetails lead = scored.getLead();
        Boolean salesContact = lead.getConsent() == null ? null : lead.getConsent().getSalesContact();
        var withholding = rules.consent().withholding(salesContact);
        if (withholding.isEmpty()) {
            return false;
        }
        forward(scored.getLeadId(), HandoffWithheld.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("leadloop.handoff.withheld:" + scored.getEventId())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(now)
                .setLeadId(scored.getLeadId())
                .setReason(withholding.get().reason())
                .setExplanation(withholding.get().explanation())
                .setScore(scored.getScore())
                .setPriority(scored.getPriority())
                .setCampaignId(lead.getSource() == null ? null : lead.getSource().getCampaignId())
                .setDefinitionVersion(scored.getDefinitionVersion())
                .setConsentVersion(lead.getConsent() == null ? null : lead.getConsent().getVersion())
                .build(), now);
        meters.withheld(String.valueOf(withholding.get().reason()));
        log.info("MQL {}", withholding.get().explanation());
        return true;
    }

    private RoutingDecision route(LeadDetails lead, Instant now, Set<String> excluded) {
        RepRoster current = currentRoster();
        RoutingCredits before = credits.get(CREDITS_KEY);
        // Opened in memory only: the handoff published and stored keeps the sealed snapshot.
        RoutingDecision decision = rules.router().route(profileOf(personalData.opened(lead)), current, new StoredRepStatus(now),
                before == null ? Map.of() : before.byRep(), now, excluded);
        credits.put(CREDITS_KEY, new RoutingCredits(decision.credits()));
        return decision;
    }

    private RepRoster currentRoster() {
        var changes = new ArrayList<RepRosterChanged>();
        try (KeyValueIterator<String, RepRosterChanged> all = roster.all()) {
            all.forEachRemaining(entry -> changes.add(entry.value));
        }
        return RosterChanges.apply(rules.configuredReps(), changes);
    }

    private void assign(Rep owner, String leadId, Instant now) {
        RepLoad load = loads.get(owner.id());
        loads.put(owner.id(), (load == null ? RepLoad.NONE : load).assigned(rules.sla().localDay(owner.team(), now)));
        queues.put(owner.id() + "|" + leadId, leadId);
    }

    private void release(String repId, String leadId) {
        RepLoad load = loads.get(repId);
        if (load != null) {
            loads.put(repId, load.closed());
        }
        queues.delete(repId + "|" + leadId);
    }

    /** Sets the reminder (or, if it would not come before the due time, the breach) for the current owner. */
    private LeadState startClock(LeadState state, Instant now) {
        Priority priority = Priority.valueOf(state.priority());
        Instant remindAt = rules.sla().reminderAt(priority, state.ownerTeam(), state.ownerHandedOffAt(),
                rules.ladder().reminderShare());
        return remindAt.isBefore(state.slaDueAt())
                ? schedule(state, Phase.REMIND, remindAt)
                : schedule(state, Phase.BREACH, state.slaDueAt());
    }

    // --------------------------------------------------------------------------------------------- feedback

    private void feedback(FeedbackRecorded feedback) {
        String leadId = feedback.getLeadId();
        LeadState state = states.get(leadId);
        if (state == null || state.status() != Status.OPEN) {
            return; // not ours, or closed already: nothing on the clock
        }
        SalesOutcome outcome = feedback.getOutcome();
        Instant now = now();
        if (TOUCHES.contains(outcome) && state.firstTouchAt() == null) {
            // As reported, but never in the future: a CRM's clock must not stop ours early.
            Instant touchedAt = feedback.getOccurredAt().isAfter(now) ? now : feedback.getOccurredAt();
            cancelTimer(state);
            SlaStatus met = touchedAt.isAfter(state.slaDueAt()) ? SlaStatus.MET_LATE : SlaStatus.MET;
            state = state.touched(touchedAt, met);
            meters.firstTouch(Duration.between(state.ownerHandedOffAt(), touchedAt), met == SlaStatus.MET);
            log.debug("First touch ({}) at {}: SLA clock stopped, {}", outcome, touchedAt, met);
        }
        if (CLOSES.contains(outcome)) {
            cancelTimer(state);
            release(state.ownerRepId(), leadId);
            if (outcome == SalesOutcome.REJECTED) {
                state = state.withStatus(Status.RECYCLED);
                LeadHandedOff handoff = handoffs.get(leadId);
                LeadRecycled recycled = LeadRecycled.newBuilder()
                        .setEventId(derivedId("recycled", feedback.getEventId()))
                        .setOccurredAt(now)
                        .setLeadId(leadId)
                        .setOwnerRepId(state.ownerRepId())
                        .setReason(feedback.getReason())
                        .setCampaignId(feedback.getCampaignId() != null ? feedback.getCampaignId()
                                : campaignOf(handoff))
                        .setHandoffNumber(state.handoffNumber())
                        .build();
                forward(leadId, recycled, now);
                meters.recycled();
                log.info("Lead rejected by {} ({}): recycled to marketing", state.ownerRepId(), feedback.getReason());
            } else {
                state = state.withStatus(Status.CLOSED);
            }
        }
        states.put(leadId, state);
    }

    // ------------------------------------------------------------------------------------------------ timers

    private void fireDueTimers(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        var due = new ArrayList<KeyValue<String, String>>();
        try (KeyValueIterator<String, String> range = timers.range(timerKey(Instant.EPOCH, ""),
                timerKey(now, "\uffff"))) {
            range.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> timer : due) {
            timers.delete(timer.key);
            LeadState state = states.get(timer.value);
            if (state == null || !state.open() || state.timerAt() == null
                    || !timer.key.equals(timerKey(state.timerAt(), state.leadId()))) {
                continue; // stale: the clock stopped or moved since
            }
            withLead(state.leadId(), () -> states.put(state.leadId(), fire(state, now)));
        }
    }

    private LeadState fire(LeadState state, Instant now) {
        return switch (state.phase()) {
            case REMIND -> remind(state, now);
            case BREACH -> breach(state, now);
            case ESCALATE -> escalate(state, now);
            case NONE -> state;
        };
    }

    private LeadState remind(LeadState state, Instant now) {
        forward(state.leadId(), SlaReminderDue.newBuilder()
                .setEventId(derivedId("reminder", clockId(state)))
                .setOccurredAt(now)
                .setLeadId(state.leadId())
                .setOwnerRepId(state.ownerRepId())
                .setPriority(Priority.valueOf(state.priority()))
                .setSlaDueAt(state.slaDueAt())
                .build(), now);
        meters.reminded(state.priority());
        log.info("SLA reminder for {}: first touch due at {}", state.ownerRepId(), state.slaDueAt());
        return schedule(state, Phase.BREACH, state.slaDueAt());
    }

    private LeadState breach(LeadState state, Instant now) {
        forward(state.leadId(), SlaBreached.newBuilder()
                .setEventId(derivedId("breach", clockId(state)))
                .setOccurredAt(now)
                .setLeadId(state.leadId())
                .setOwnerRepId(state.ownerRepId())
                .setManagerId(managerOf(state.ownerRepId()))
                .setPriority(Priority.valueOf(state.priority()))
                .setHandedOffAt(state.ownerHandedOffAt())
                .setSlaDueAt(state.slaDueAt())
                .build(), now);
        meters.breached(state.priority());
        log.warn("SLA breached by {}: first touch was due at {}", state.ownerRepId(), state.slaDueAt());
        LeadState breached = state.withSla(SlaStatus.BREACHED);
        return scheduleNextStep(breached, state.slaDueAt());
    }

    private LeadState scheduleNextStep(LeadState state, Instant from) {
        int next = state.escalationLevel() + 1;
        if (!rules.ladder().hasStep(next)) {
            return state.withTimer(Phase.NONE, null);
        }
        Instant at = rules.sla().afterWorkingTime(state.ownerTeam(), from, rules.ladder().step(next).after());
        return schedule(state, Phase.ESCALATE, at);
    }

    private LeadState escalate(LeadState state, Instant now) {
        int level = state.escalationLevel() + 1;
        EscalationLadder.Step step = rules.ladder().step(level);
        String manager = managerOf(state.ownerRepId());
        LeadState after = state.escalated(level);
        if (step.actions().contains(EscalationLadder.Action.REASSIGN)) {
            LeadHandedOff handoff = handoffs.get(state.leadId());
            var excluded = new HashSet<>(state.previousOwners());
            excluded.add(state.ownerRepId());
            RoutingDecision decision;
            try {
                decision = route(handoff == null ? null : handoff.getLead(), now, excluded);
            } catch (IllegalStateException nobodyElse) {
                decision = null;
            }
            if (decision != null) {
                Rep to = decision.owner();
                Instant dueAt = rules.sla().dueAt(Priority.valueOf(state.priority()), to.team(), now);
                release(state.ownerRepId(), state.leadId());
                assign(to, state.leadId(), now);
                forward(state.leadId(), escalation(state, level, EscalationAction.REASSIGN, manager, to.id(), dueAt,
                        "SLA missed by " + state.ownerRepId() + "; reassigned: " + decision.reason(), now), now);
                meters.escalated(level, EscalationAction.REASSIGN.name());
                log.warn("Escalation {}: reassigned from {} to {}", level, state.ownerRepId(), to.id());
                return startClock(after.reassigned(to.id(), to.team(), now, dueAt).escalated(level), now);
            }
            forward(state.leadId(), escalation(state, level, EscalationAction.NOTIFY_MANAGER, manager, null, null,
                    "SLA missed by " + state.ownerRepId() + "; no other eligible rep to reassign to", now), now);
            meters.escalated(level, EscalationAction.NOTIFY_MANAGER.name());
            return scheduleNextStep(after, now);
        }
        forward(state.leadId(), escalation(state, level, EscalationAction.NOTIFY_MANAGER, manager, null, null,
                "SLA missed by " + state.ownerRepId() + " (due " + state.slaDueAt() + ")", now), now);
        meters.escalated(level, EscalationAction.NOTIFY_MANAGER.name());
        log.warn("Escalation {}: manager {} notified", level, manager);
        return scheduleNextStep(after, now);
    }

    private LeadEscalated escalation(LeadState state, int level, EscalationAction action, String manager,
            String toRepId, Instant dueAt, String reason, Instant now) {
        return LeadEscalated.newBuilder()
                .setEventId(derivedId("escalation", clockId(state) + ":" + level))
                .setOccurredAt(now)
                .setLeadId(state.leadId())
                .setLevel(level)
                .setAction(action)
                .setFromRepId(state.ownerRepId())
                .setManagerId(manager)
                .setToRepId(toRepId)
                .setSlaDueAt(dueAt)
                .setReason(reason)
                .build();
    }

    private LeadState schedule(LeadState state, Phase phase, Instant at) {
        cancelTimer(state);
        timers.put(timerKey(at, state.leadId()), state.leadId());
        return state.withTimer(phase, at);
    }

    private void cancelTimer(LeadState state) {
        if (state.timerAt() != null) {
            timers.delete(timerKey(state.timerAt(), state.leadId()));
        }
    }

    /** Zero-padded so the store's byte order is due order. */
    static String timerKey(Instant at, String leadId) {
        return "%013d|%s".formatted(Math.max(0, at.toEpochMilli()), leadId);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String managerOf(String repId) {
        return currentRoster().find(repId).map(Rep::managerId).orElse(null);
    }

    private Instant now() {
        // Avro's timestamp-millis keeps milliseconds; truncate so events, stores and the API agree.
        return rules.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void forward(String leadId, SpecificRecord event, Instant at) {
        context.forward(new Record<>(leadId, event, at.toEpochMilli()));
    }

    private static void withLead(String leadId, Runnable work) {
        try (var ignored = MDC.putCloseable("leadId", leadId)) {
            work.run();
        }
    }

    private static String clockId(LeadState state) {
        return state.leadId() + ":" + state.handoffNumber() + ":" + state.ownerRepId() + ":" + state.slaDueAt();
    }

    private static String campaignOf(LeadHandedOff handoff) {
        return handoff == null || handoff.getLead().getSource() == null ? null
                : handoff.getLead().getSource().getCampaignId();
    }

    static LeadProfile profileOf(LeadDetails lead) {
        if (lead == null) {
            return LeadProfile.anonymous();
        }
        var company = lead.getCompany();
        String domain = company == null ? null : company.getDomain();
        if (domain == null && lead.getEmail() != null && lead.getEmail().contains("@")) {
            domain = lead.getEmail().substring(lead.getEmail().indexOf('@') + 1);
        }
        Map<String, String> attributes = lead.getAttributes();
        var skills = new HashSet<String>();
        String language = attributes.get("language");
        if (language != null && !language.isBlank()) {
            skills.add("language:" + language.strip());
        }
        String product = attributes.getOrDefault("product", attributes.get("productLine"));
        if (product != null && !product.isBlank()) {
            skills.add("product:" + product.strip());
        }
        return new LeadProfile(domain, company == null ? null : company.getCountry(),
                attributes.getOrDefault("state", attributes.get("region")),
                company == null ? null : company.getEmployees(), skills);
    }

    /**
     * Derived from the scoring event that caused the handoff, so the same handoff always carries the same id and
     * consumers can de-duplicate by it.
     */
    static String eventIdFor(LeadScored scored) {
        return UUID.nameUUIDFromBytes(("leadloop.handoff:" + scored.getEventId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String derivedId(String kind, String source) {
        return UUID.nameUUIDFromBytes(("leadloop.handoff." + kind + ":" + source).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Rep loads from the store and working hours from the SLA calendars, as the router asks for them. */
    private final class StoredRepStatus implements RepStatus {

        private final Instant now;

        StoredRepStatus(Instant now) {
            this.now = now;
        }

        @Override
        public boolean atWork(Rep rep) {
            return rules.sla().isWorking(rep.team(), now);
        }

        @Override
        public int openLeads(Rep rep) {
            RepLoad load = loads.get(rep.id());
            return load == null ? 0 : load.openLeads();
        }

        @Override
        public int assignedToday(Rep rep) {
            RepLoad load = loads.get(rep.id());
            return load == null ? 0 : load.assignedOn(rules.sla().localDay(rep.team(), now));
        }
    }
}
