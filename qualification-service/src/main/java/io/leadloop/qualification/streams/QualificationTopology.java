package io.leadloop.qualification.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadDetails;
import io.leadloop.events.SalesOutcome;
import io.leadloop.qualification.QualificationProperties;
import io.leadloop.qualification.learning.CampaignIds;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.LeadModels;
import io.leadloop.qualification.learning.OutcomeLabels;
import io.leadloop.qualification.learning.ParameterSource;
import io.leadloop.qualification.learning.PendingOutcome;
import io.leadloop.qualification.learning.Prediction;
import io.leadloop.qualification.learning.TrainingExample;
import io.leadloop.qualification.learning.OutcomeCounts;
import io.leadloop.qualification.definitions.DefinitionDocument;
import io.leadloop.qualification.definitions.InvalidDefinitionException;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.LeadScore;
import io.leadloop.schemas.privacy.PersonalData;
import io.micrometer.core.instrument.MeterRegistry;

import static io.leadloop.schemas.Topics.FEEDBACK_RECORDED;
import static io.leadloop.schemas.Topics.LEADS_CAPTURED;
import static io.leadloop.schemas.Topics.LEADS_HANDED_OFF;
import static io.leadloop.schemas.Topics.LEADS_SCORED;
import static io.leadloop.schemas.Topics.LEAD_DEFINITIONS;
import static io.leadloop.schemas.Topics.PERSONS_ERASED;

/**
 * The qualification stream app:
 * <ol>
 * <li>{@code leads.captured.v1} → score against the active lead definition (global store from
 * {@code qualification.lead-definitions.v1}; the built-in one until another is activated) → {@code leads.scored.v1}, keyed by leadId;</li>
 * <li>the latest score per lead in the {@value #LEAD_SCORES_STORE} store (for {@code GET .../score});</li>
 * <li>distinct scored leads per campaign in {@value #CAMPAIGN_LEADS_SCORED_STORE} — counted from changes to the
 * latest score (a lead new to it, or one whose campaign changed), so re-scoring a lead does not count it twice;
 * summed per campaign for {@link #COUNT_INTERVAL} before one repartition by campaign;</li>
 * <li>{@code feedback.recorded.v1} → outcome counts per campaign in {@value #CAMPAIGN_OUTCOMES_STORE}.</li>
 * </ol>
 * Records that cannot be read or processed go to the input topic's {@code .DLT} through the configured exception
 * handlers; they never stop the app.
 */
public final class QualificationTopology {

    /** leadId → latest {@link LeadScored}. */
    public static final String LEAD_SCORES_STORE = "lead-scores";
    /** campaignId → number of distinct leads scored; trails the scores by up to {@link #COUNT_INTERVAL}. */
    public static final String CAMPAIGN_LEADS_SCORED_STORE = "campaign-leads-scored";
    /** campaignId → change to its distinct scored leads since the last flush (see {@link KeepLatestScore}). */
    static final String CAMPAIGN_LEADS_SCORED_PENDING_STORE = "campaign-leads-scored-pending";
    /** The repartition (by campaign) of the pending changes on their way to {@value #CAMPAIGN_LEADS_SCORED_STORE}. */
    static final String CAMPAIGN_LEADS_SCORED_CHANGES = "campaign-leads-scored-changes";
    /**
     * How often the pending changes to the campaign counts are handed on: the exactly-once commit interval (Kafka
     * Streams' default, 100 ms), so combining them adds at most about one commit of delay to the counts.
     */
    static final Duration COUNT_INTERVAL = Duration.ofMillis(100);
    /** campaignId → {@link OutcomeCounts}. */
    public static final String CAMPAIGN_OUTCOMES_STORE = "campaign-outcomes";
    /** leadId → {@link LeadLearningState}: the features an outcome teaches about, the labels already learned. */
    public static final String LEAD_LEARNING_STORE = "lead-learning";
    /** parameter key → value, owned by the model's single writer (partitioned by segment and target). */
    public static final String MODEL_PARAMETERS_STORE = "model-parameters";
    /** parameter key → value of every model, global: what scoring reads on every instance. */
    public static final String MODEL_STORE = "model";
    /** The compacted topic the model's writers publish changed parameters to. Private to this service. */
    public static final String MODEL_TOPIC = "qualification.model-parameters.v1";
    /** definition version → its latest {@link LeadDefinitionChanged}, global; the active one also under "@active". */
    public static final String LEAD_DEFINITIONS_STORE = "lead-definitions";
    /** capture eventId → when it was scored, windowed: which captures were scored within the retention. */
    public static final String SCORED_CAPTURES_STORE = "scored-captures";
    /** leadId → when it was handed off: the leads a newly active definition no longer re-scores. */
    public static final String LEAD_HANDOFFS_STORE = "lead-handoffs";
    /** Per task: the definition version its leads were last re-scored under, and a pass in progress. */
    public static final String RESCORING_PROGRESS_STORE = "rescoring-progress";
    /** The processor that re-scores leads on activation (it reads the lead-scores store). */
    static final String RESCORE_PROCESSOR = "rescore-on-activation";
    /** The segment of every lead when models are not segmented. */
    static final String ALL_LEADS = "all";

    private static final Logger log = LoggerFactory.getLogger(QualificationTopology.class);

    private final LeadDefinition builtin;
    private final Set<String> freeMailDomains;
    /** Parsed definitions by version: a version's document never changes once proposed. */
    private final Map<String, LeadDefinition> definitions = new ConcurrentHashMap<>();
    private final QualificationSerdes serdes;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LeadModels models;
    private final LeadFeatures features;
    private final boolean segmentByChannel;
    private final int explanations;
    private final Duration pendingOutcomeTtl;
    private final QualificationProperties.Captures captures;
    private final QualificationProperties.Rescoring rescoring;
    private final PersonalData personalData;

    QualificationTopology(LeadDefinition builtin, QualificationSerdes serdes, Clock clock, MeterRegistry meters,
            QualificationProperties.Learning learning) {
        this(builtin, BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS, serdes, clock, meters, learning,
                QualificationProperties.Captures.defaults(), QualificationProperties.Rescoring.defaults());
    }

    /**
     * @param builtin the definition scoring uses until marketing and sales activate one
     * @param freeMailDomains the free-mail domains of every definition (configuration, not part of a version)
     */
    QualificationTopology(LeadDefinition builtin, Set<String> freeMailDomains, QualificationSerdes serdes, Clock clock,
            MeterRegistry meters, QualificationProperties.Learning learning, QualificationProperties.Captures captures,
            QualificationProperties.Rescoring rescoring) {
        this(builtin, freeMailDomains, serdes, clock, meters, learning, captures, rescoring,
                PersonalData.plaintextOnly());
    }

    /** Defaults for captures and re-scoring; {@code personalData} opens the sealed contact of a lead. */
    QualificationTopology(LeadDefinition builtin, Set<String> freeMailDomains, QualificationSerdes serdes, Clock clock,
            MeterRegistry meters, QualificationProperties.Learning learning, PersonalData personalData) {
        this(builtin, freeMailDomains, serdes, clock, meters, learning, QualificationProperties.Captures.defaults(),
                QualificationProperties.Rescoring.defaults(), personalData);
    }

    /** @param personalData opens the sealed contact of a lead (its email and job title are scored) */
    QualificationTopology(LeadDefinition builtin, Set<String> freeMailDomains, QualificationSerdes serdes, Clock clock,
            MeterRegistry meters, QualificationProperties.Learning learning, QualificationProperties.Captures captures,
            QualificationProperties.Rescoring rescoring, PersonalData personalData) {
        this.personalData = personalData;
        this.builtin = builtin;
        this.freeMailDomains = Set.copyOf(freeMailDomains);
        this.serdes = serdes;
        this.clock = clock;
        this.meters = meters;
        this.models = learning.toLeadModels();
        this.features = new LeadFeatures(learning.excludedFields());
        this.segmentByChannel = learning.segmentBy().equals("channel");
        this.explanations = learning.explanations();
        this.pendingOutcomeTtl = learning.pendingOutcomeTtl();
        this.captures = captures;
        this.rescoring = rescoring;
    }

    void addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEAD_LEARNING_STORE),
                Serdes.String(), serdes.learningState()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MODEL_PARAMETERS_STORE),
                Serdes.String(), Serdes.Double()));
        Duration dedupRetention = captures.deduplicationRetention();
        // Window size = retention: one window per eventId, dropped with its segment once stream time passes it.
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(SCORED_CAPTURES_STORE,
                dedupRetention, dedupRetention, false), Serdes.String(), Serdes.Long()));
        // Every instance reads the whole model: a lead is scored on whichever instance owns its partition, with
        // what was learned from all partitions. Global stores restore from their topic, so logging stays off.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MODEL_STORE),
                        Serdes.String(), Serdes.Double()).withLoggingDisabled(),
                MODEL_TOPIC, Consumed.with(Serdes.String(), Serdes.Double()).withName("model-parameters-in"),
                () -> new ModelStoreUpdater(MODEL_STORE));

        // Every instance needs the active definition to score any lead, and the API reads any version: global,
        // restored from the compacted topic on restart.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEAD_DEFINITIONS_STORE),
                        Serdes.String(), serdes.definitions()).withLoggingDisabled(),
                LEAD_DEFINITIONS.name(), Consumed.with(Serdes.String(), serdes.definitions()).withName("lead-definitions-in"),
                LeadDefinitionStoreUpdater::new);

        KStream<String, LeadScored> capturedScored = builder
                .stream(LEADS_CAPTURED.name(), Consumed.with(Serdes.String(), serdes.captured()).withName("leads-captured"))
                .processValues(() -> new ScoreLead(this::score, dedupRetention,
                                () -> meters.counter("leadloop.qualification.captures.duplicates").increment()),
                        Named.as("score-lead"), LEAD_LEARNING_STORE, SCORED_CAPTURES_STORE);

        // Same name, kind (timestamped), serdes and changelog as the DSL table it replaces, so existing local state
        // and changelogs are read as they are. Cached like that table was: a lead scored twice within a commit
        // reaches the changelog once.
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(LEAD_SCORES_STORE), Serdes.String(), serdes.scored())
                .withCachingEnabled());
        // In memory (it holds one interval's sums) but logged; cached so that a flushed campaign's puts and delete
        // reach the changelog as one record per commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CAMPAIGN_LEADS_SCORED_PENDING_STORE), Serdes.String(), Serdes.Long())
                .withCachingEnabled());
        // Handoffs tell which leads a newly active definition leaves alone; the re-scores it makes flow on with
        // the captures' scores, into the topic and the latest-score store alike.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEAD_HANDOFFS_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESCORING_PROGRESS_STORE),
                Serdes.String(), Serdes.String()));
        KStream<String, LeadScored> rescored = builder
                .stream(LEADS_HANDED_OFF.name(), Consumed.with(Serdes.String(), serdes.handedOff()).withName("leads-handed-off"))
                .process(() -> new RescoreOnActivation(this::rescore, builtin.version(), rescoring,
                                () -> meters.counter("leadloop.qualification.leads.rescored").increment()),
                        Named.as(RESCORE_PROCESSOR), LEAD_HANDOFFS_STORE, RESCORING_PROGRESS_STORE, LEAD_SCORES_STORE);
        KStream<String, LeadScored> scored = capturedScored.merge(rescored, Named.as("captured-and-rescored"));
        scored.to(LEADS_SCORED.name(), Produced.with(Serdes.String(), serdes.scored()).withName("leads-scored"));

        // The latest score per lead, and what it changes in the distinct scored leads per campaign, written in this
        // task (every score keeps its lead's key and partition): only small per-campaign sums are repartitioned,
        // never the LeadScored itself (see KeepLatestScore).
        scored.process(() -> new KeepLatestScore(COUNT_INTERVAL), Named.as("keep-latest-score"),
                        LEAD_SCORES_STORE, CAMPAIGN_LEADS_SCORED_PENDING_STORE)
                .groupByKey(Grouped.with(CAMPAIGN_LEADS_SCORED_CHANGES, Serdes.String(), Serdes.Long()))
                .aggregate(() -> 0L, (campaignId, delta, count) -> count + delta, Named.as("count-scored-leads"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(CAMPAIGN_LEADS_SCORED_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));

        KStream<String, FeedbackRecorded> feedback = builder.stream(FEEDBACK_RECORDED.name(),
                Consumed.with(Serdes.String(), serdes.feedback()).withName("feedback-recorded"));
        feedback.groupBy((leadId, event) -> CampaignIds.orNone(event.getCampaignId()),
                        Grouped.with("feedback-by-campaign", Serdes.String(), serdes.feedback()))
                .aggregate(OutcomeCounts::none, this::countOutcome, Named.as("count-outcomes"),
                        Materialized.<String, OutcomeCounts, KeyValueStore<Bytes, byte[]>>as(CAMPAIGN_OUTCOMES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.outcomeCounts()));

        // Outcome → the lead's features (same partition: both keyed by leadId) → one example per model, re-keyed
        // by model so each model has one writer that applies its examples in order → changed parameters on the
        // compacted model topic → the global model store every instance scores with.
        // Outcomes that overtook their capture are kept with the lead and learned right after its capture is scored
        // (downstream of scoring, so its score never saw them); they join the same per-model repartition.
        KStream<String, TrainingExample> released = capturedScored.process(
                () -> new ReleasePendingOutcomes(this::releasePending), Named.as("release-pending-outcomes"),
                LEAD_LEARNING_STORE);
        feedback.process(() -> new LabelOutcome(this::label, this::expirePending), Named.as("label-outcome"),
                        LEAD_LEARNING_STORE)
                .merge(released, Named.as("outcomes-and-released"))
                .repartition(Repartitioned.<String, TrainingExample>as("training-examples")
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.trainingExample()))
                .process(() -> new LearnExample(models), Named.as("learn"), MODEL_PARAMETERS_STORE)
                .to(MODEL_TOPIC, Produced.with(Serdes.String(), Serdes.Double()).withName("model-parameters-out"));

        // Erasure (issue 9): PersonErased is keyed by leadId like the lead topics, so it meets the lead's
        // learning state in the same task.
        builder.stream(PERSONS_ERASED.name(), Consumed.with(Serdes.String(), serdes.erased()).withName("persons-erased"))
                .process(ForgetErasedLeads::new, Named.as("forget-erased-leads"), LEAD_LEARNING_STORE);
    }

    private LeadScored score(LeadCaptured captured, KeyValueStore<String, LeadLearningState> learning,
            ParameterSource model, LeadDefinitionChanged activeDefinition) {
        return LeadIdMdc.with(captured.getLeadId(), () -> {
            // Opened in memory only: the event published keeps the sealed snapshot it came with.
            LeadDetails lead = personalData.opened(captured.getLead());
            LeadScore score = definitionOf(activeDefinition).score(LeadProfiles.from(lead));
            String segment = segmentOf(lead);
            List<String> leadFeatures = features.of(lead);
            LeadLearningState known = learning.get(captured.getLeadId());
            learning.put(captured.getLeadId(), known == null
                    ? new LeadLearningState(segment, leadFeatures, Map.of())
                    : known.withFeatures(segment, leadFeatures));
            List<Prediction> predictions = models.predict(segment, leadFeatures, model);
            if (log.isDebugEnabled()) {
                log.debug("Scored lead: {} points, {} {}, definition {}, {}", score.score(), score.stage(),
                        score.priority(), score.definitionVersion(),
                        predictions.isEmpty() ? "" : describe(predictions.getFirst()));
            }
            meters.counter("leadloop.qualification.leads.scored", "stage", score.stage().name()).increment();
            return LeadScoredEvents.of(captured, score, predictions, models.active(), explanations,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    /**
     * The lead's score under the newly active definition, published only if its stage changes. The lead snapshot
     * and the probabilities stay those of its last score: the definition changed, not the lead or what is known of
     * it (and a probability computed now could have learned from the lead's own outcome).
     */
    private LeadScored rescore(LeadScored latest, LeadDefinitionChanged active, Instant now) {
        LeadScore score = definitionOf(active).score(LeadProfiles.from(personalData.opened(latest.getLead())));
        if (score.stage().name().equals(latest.getStage().name())) {
            return null;
        }
        // Debug: an activation can re-score a whole partition; the pass itself is logged once per task.
        log.debug("Re-scored under {}: {} points, {} (was {} under {})", score.definitionVersion(), score.score(),
                score.stage(), latest.getStage(), latest.getDefinitionVersion());
        meters.counter("leadloop.qualification.leads.scored", "stage", score.stage().name()).increment();
        return LeadScoredEvents.rescored(latest, score, now.truncatedTo(ChronoUnit.MILLIS));
    }

    private LeadDefinition definitionOf(LeadDefinitionChanged active) {
        if (active == null) {
            return builtin;
        }
        return definitions.computeIfAbsent(active.getDefinitionVersion(), version -> {
            try {
                return BuiltinLeadDefinition.create(version, DefinitionDocument.parse(active.getDocument()).parameters(),
                        freeMailDomains);
            } catch (InvalidDefinitionException invalid) {
                // Only a record written around the API can be invalid; scoring with the built-in definition (and
                // saying so in definitionVersion) beats dead-lettering every lead until someone notices.
                log.error("Active definition {} is invalid, scoring with {}: {}", version, builtin.version(),
                        invalid.violations());
                return builtin;
            }
        });
    }

    private List<TrainingExample> label(FeedbackRecorded feedback, KeyValueStore<String, LeadLearningState> learning) {
        return LeadIdMdc.with(feedback.getLeadId(), () -> {
            String leadId = feedback.getLeadId();
            LeadLearningState state = learning.get(leadId);
            PendingOutcome outcome = new PendingOutcome(feedback.getOutcome().name(), feedback.getReason(),
                    clock.instant());
            if (state == null || !state.scored()) {
                // The outcome overtook its capture (the topics are read independently): kept with the lead until
                // its capture is scored, then learned with the features it brings (see releasePending).
                log.info("Outcome {} for a lead not scored yet; kept until its capture", feedback.getOutcome());
                if (state != null && state.pending().size() >= LeadLearningState.MAX_PENDING) {
                    meters.counter("leadloop.qualification.outcomes.pending", "action", "dropped").increment();
                }
                learning.put(leadId, state == null ? LeadLearningState.pendingOnly(outcome) : state.withPending(outcome));
                meters.counter("leadloop.qualification.outcomes.pending", "action", "kept").increment();
                return List.of();
            }
            List<TrainingExample> examples = new ArrayList<>();
            learning.put(leadId, learn(leadId, state, outcome, examples));
            meters.counter("leadloop.qualification.outcomes.learned").increment(examples.size());
            return examples;
        });
    }

    /**
     * Drops the outcomes kept longer than the configured time for leads that were never scored (a lead id no
     * capture will ever bring, e.g. a CRM's typo), and the state of such a lead once nothing is left in it. Scans
     * the task's part of the store: only leads not scored hold pending outcomes (scoring releases them), but telling
     * them apart needs the value. Changes are written after the scan, not through the open iterator.
     */
    private void expirePending(KeyValueStore<String, LeadLearningState> learning) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(pendingOutcomeTtl);
        Map<String, LeadLearningState> changed = new java.util.HashMap<>();
        int expired = 0;
        try (var all = learning.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                LeadLearningState state = entry.value;
                if (state == null || state.scored() || state.pending().isEmpty()) {
                    continue;
                }
                LeadLearningState left = state.withPendingKeptSince(cutoff, now);
                if (!left.equals(state)) {
                    expired += state.pending().size() - left.pending().size();
                    changed.put(entry.key, left);
                }
            }
        }
        changed.forEach((leadId, left) -> learning.put(leadId, left.pending().isEmpty() ? null : left));
        if (expired > 0) {
            log.info("Dropped {} outcome(s) kept over {} for leads never captured", expired, pendingOutcomeTtl);
            meters.counter("leadloop.qualification.outcomes.pending", "action", "expired").increment(expired);
        }
    }

    /**
     * The outcomes that arrived before the lead's capture, learned now that it was scored (its score computed before
     * and without them) and its features stored; runs right after {@link #score} for the same capture.
     */
    private List<TrainingExample> releasePending(String leadId, KeyValueStore<String, LeadLearningState> learning) {
        LeadLearningState state = learning.get(leadId);
        if (state == null || !state.scored() || state.pending().isEmpty()) {
            return List.of();
        }
        return LeadIdMdc.with(leadId, () -> {
            List<TrainingExample> examples = new ArrayList<>();
            LeadLearningState learned = state;
            for (PendingOutcome outcome : state.pending()) {
                learned = learn(leadId, learned, outcome, examples);
            }
            learning.put(leadId, learned.withoutPending());
            log.info("Learned {} outcome(s) that arrived before the capture", state.pending().size());
            meters.counter("leadloop.qualification.outcomes.pending", "action", "released")
                    .increment(state.pending().size());
            meters.counter("leadloop.qualification.outcomes.learned").increment(examples.size());
            return examples;
        });
    }

    /**
     * One outcome of a scored lead → its examples (added to {@code examples}), one per target whose label it
     * changes, and the lead's state with those labels. The single place outcomes become examples.
     */
    private static LeadLearningState learn(String leadId, LeadLearningState scored, PendingOutcome outcome,
            List<TrainingExample> examples) {
        LeadLearningState state = scored;
        for (Map.Entry<String, Boolean> label : OutcomeLabels.of(outcome.outcome()).entrySet()) {
            Boolean previous = state.labels().get(label.getKey());
            if (label.getValue().equals(previous)) {
                continue;
            }
            examples.add(new TrainingExample(leadId, state.segment(), label.getKey(), state.features(),
                    label.getValue(), previous));
            state = state.withLabel(label.getKey(), label.getValue());
        }
        String reason = outcome.reason();
        if (SalesOutcome.REJECTED.name().equals(outcome.outcome()) && reason != null && !reason.isBlank()) {
            String reasonTarget = OutcomeLabels.rejectedFor(reason);
            if (!state.labels().containsKey(reasonTarget)) {
                for (String target : List.of(reasonTarget, OutcomeLabels.ANY_REASON)) {
                    examples.add(new TrainingExample(leadId, state.segment(), target, state.features(), true, null));
                }
                state = state.withLabel(reasonTarget, true);
            }
        }
        return state;
    }

    private String segmentOf(LeadDetails lead) {
        if (segmentByChannel && lead.getSource() != null) {
            return lead.getSource().getChannel();
        }
        return ALL_LEADS;
    }

    private static String describe(Prediction prediction) {
        return String.format(java.util.Locale.ROOT, "P(%s)=%.3f by %s", prediction.target(), prediction.probability(),
                prediction.modelVersion());
    }

    private OutcomeCounts countOutcome(String campaignId, FeedbackRecorded feedback, OutcomeCounts counts) {
        return LeadIdMdc.with(feedback.getLeadId(), () -> {
            log.debug("Outcome {} reported for campaign {}", feedback.getOutcome(), campaignId);
            return counts.plus(feedback.getOutcome().name());
        });
    }
}
