package io.leadloop.qualification.streams;

import java.time.Instant;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.qualification.QualificationProperties;

import static io.leadloop.schemas.Topics.LEADS_HANDED_OFF;

/**
 * Re-scores the leads not handed off yet when a definition version becomes active, and publishes a new
 * {@code LeadScored} for each one whose stage changes (handoff then hands off the new MQLs as usual).
 *
 * <p>Learns which leads were handed off from {@code leads.handed-off.v1} (keyed by leadId, so in this task's
 * partition like the lead's scores). Every {@code checkInterval} (wall-clock: an activation must take effect even
 * if no lead arrives) it compares the active version with the one this task last re-scored its leads under, kept
 * in a changelogged store: a restart, or the task moving to another instance, resumes where it was, and a version
 * activated while the service was down is applied when it comes back. A task re-scores at most
 * {@code batchSize} leads per check and remembers where it stopped, so one transaction stays short however many
 * leads the partition holds; a version activated meanwhile restarts the pass under the newer one.
 */
final class RescoreOnActivation implements Processor<String, LeadHandedOff, String, LeadScored> {

    /** The version this task's leads were last completely re-scored under. */
    static final String APPLIED = "applied";
    /** The version a pass in progress re-scores under. */
    static final String TARGET = "target";
    /** The last lead of the pass in progress re-scored (or skipped). */
    static final String CURSOR = "cursor";

    @FunctionalInterface
    interface Rescoring {
        /** The lead's new score under {@code active} if its stage changes, else null. */
        LeadScored rescore(LeadScored latest, LeadDefinitionChanged active, Instant now);
    }

    private static final Logger log = LoggerFactory.getLogger(RescoreOnActivation.class);

    private final Rescoring rescoring;
    private final String builtinVersion;
    private final QualificationProperties.Rescoring settings;
    private final Runnable onRescored;
    private ProcessorContext<String, LeadScored> context;
    private KeyValueStore<String, Long> handoffs;
    private KeyValueStore<String, String> progress;
    private TimestampedKeyValueStore<String, LeadScored> scores;
    private KeyValueStore<String, LeadDefinitionChanged> definitions;

    RescoreOnActivation(Rescoring rescoring, String builtinVersion, QualificationProperties.Rescoring settings,
            Runnable onRescored) {
        this.rescoring = rescoring;
        this.builtinVersion = builtinVersion;
        this.settings = settings;
        this.onRescored = onRescored;
    }

    @Override
    public void init(ProcessorContext<String, LeadScored> context) {
        this.context = context;
        this.handoffs = context.getStateStore(QualificationTopology.LEAD_HANDOFFS_STORE);
        this.progress = context.getStateStore(QualificationTopology.RESCORING_PROGRESS_STORE);
        this.scores = context.getStateStore(QualificationTopology.LEAD_SCORES_STORE);
        this.definitions = context.getStateStore(QualificationTopology.LEAD_DEFINITIONS_STORE);
        if (settings.enabled()) {
            context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::check);
        }
    }

    @Override
    public void process(Record<String, LeadHandedOff> record) {
        LeadHandedOff handedOff = record.value();
        if (!handedOff.getLeadId().equals(record.key())) {
            throw new MisKeyedRecordException(LEADS_HANDED_OFF.name(), record.key(), handedOff.getLeadId());
        }
        handoffs.put(handedOff.getLeadId(), handedOff.getOccurredAt().toEpochMilli());
    }

    void check(long wallClockMillis) {
        LeadDefinitionChanged active = definitions.get(LeadDefinitionStoreUpdater.ACTIVE);
        String activeVersion = active == null ? builtinVersion : active.getDefinitionVersion();
        // A task that never re-scored started under the built-in definition: leads scored under another
        // version activated before this code ran get re-scored too, which is what they missed.
        String applied = progress.get(APPLIED);
        if (activeVersion.equals(applied == null ? builtinVersion : applied)) {
            return;
        }
        String cursor = activeVersion.equals(progress.get(TARGET)) ? progress.get(CURSOR) : null;
        if (cursor == null) {
            log.info("Definition {} is active: re-scoring the leads not handed off yet", activeVersion);
            progress.put(TARGET, activeVersion);
        }
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        int seen = 0;
        String last = cursor;
        boolean more = false;
        try (KeyValueIterator<String, ValueAndTimestamp<LeadScored>> leads =
                cursor == null ? scores.all() : scores.range(cursor, null)) {
            while (leads.hasNext()) {
                var lead = leads.next();
                if (lead.key.equals(cursor)) {
                    continue;
                }
                if (seen == settings.batchSize()) {
                    more = true;
                    break;
                }
                seen++;
                last = lead.key;
                LeadScored latest = lead.value.value();
                if (handoffs.get(lead.key) != null || activeVersion.equals(latest.getDefinitionVersion())) {
                    continue;
                }
                LeadScored rescored = LeadIdMdc.with(lead.key, () -> rescoring.rescore(latest, active, now));
                if (rescored != null) {
                    context.forward(new Record<>(lead.key, rescored, wallClockMillis));
                    onRescored.run();
                }
            }
        }
        if (more) {
            progress.put(CURSOR, last);
            return;
        }
        progress.put(APPLIED, activeVersion);
        progress.delete(CURSOR);
        progress.delete(TARGET);
        log.info("Leads of this task re-scored under definition {}", activeVersion);
    }
}
