package io.leadloop.qualification.streams;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadScored;
import io.leadloop.qualification.learning.CampaignIds;
import io.leadloop.qualification.learning.OutcomeCounts;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.LeadScore;
import io.micrometer.core.instrument.MeterRegistry;

import static io.leadloop.schemas.Topics.FEEDBACK_RECORDED;
import static io.leadloop.schemas.Topics.LEADS_CAPTURED;
import static io.leadloop.schemas.Topics.LEADS_SCORED;

/**
 * The qualification stream app:
 * <ol>
 * <li>{@code leads.captured.v1} → score against the lead definition → {@code leads.scored.v1}, keyed by leadId;</li>
 * <li>the latest score per lead in the {@value #LEAD_SCORES_STORE} store (for {@code GET .../score});</li>
 * <li>distinct scored leads per campaign in {@value #CAMPAIGN_LEADS_SCORED_STORE} — counted from the latest-score
 * table, so re-scoring a lead does not count it twice;</li>
 * <li>{@code feedback.recorded.v1} → outcome counts per campaign in {@value #CAMPAIGN_OUTCOMES_STORE}.</li>
 * </ol>
 * Records that cannot be read or processed go to the input topic's {@code .DLT} through the configured exception
 * handlers; they never stop the app.
 */
public final class QualificationTopology {

    /** leadId → latest {@link LeadScored}. */
    public static final String LEAD_SCORES_STORE = "lead-scores";
    /** campaignId → number of distinct leads scored. */
    public static final String CAMPAIGN_LEADS_SCORED_STORE = "campaign-leads-scored";
    /** campaignId → {@link OutcomeCounts}. */
    public static final String CAMPAIGN_OUTCOMES_STORE = "campaign-outcomes";

    private static final Logger log = LoggerFactory.getLogger(QualificationTopology.class);

    private final LeadDefinition definition;
    private final QualificationSerdes serdes;
    private final Clock clock;
    private final MeterRegistry meters;

    QualificationTopology(LeadDefinition definition, QualificationSerdes serdes, Clock clock, MeterRegistry meters) {
        this.definition = definition;
        this.serdes = serdes;
        this.clock = clock;
        this.meters = meters;
    }

    void addTo(StreamsBuilder builder) {
        KStream<String, LeadScored> scored = builder
                .stream(LEADS_CAPTURED.name(), Consumed.with(Serdes.String(), serdes.captured()).withName("leads-captured"))
                .mapValues(this::score, Named.as("score-lead"));
        scored.to(LEADS_SCORED.name(), Produced.with(Serdes.String(), serdes.scored()).withName("leads-scored"));

        KTable<String, LeadScored> latestScores = scored.toTable(Named.as("latest-score"),
                Materialized.<String, LeadScored, KeyValueStore<Bytes, byte[]>>as(LEAD_SCORES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(serdes.scored()));
        latestScores
                .groupBy((leadId, score) -> KeyValue.pair(CampaignIds.orNone(LeadProfiles.campaignIdOf(score.getLead())), score),
                        Grouped.with("scored-leads-by-campaign", Serdes.String(), serdes.scored()))
                .count(Named.as("count-scored-leads"),
                        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(CAMPAIGN_LEADS_SCORED_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));

        builder.stream(FEEDBACK_RECORDED.name(), Consumed.with(Serdes.String(), serdes.feedback()).withName("feedback-recorded"))
                .groupBy((leadId, feedback) -> CampaignIds.orNone(feedback.getCampaignId()),
                        Grouped.with("feedback-by-campaign", Serdes.String(), serdes.feedback()))
                .aggregate(OutcomeCounts::none, this::countOutcome, Named.as("count-outcomes"),
                        Materialized.<String, OutcomeCounts, KeyValueStore<Bytes, byte[]>>as(CAMPAIGN_OUTCOMES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(serdes.outcomeCounts()));
    }

    private LeadScored score(String key, LeadCaptured captured) {
        if (!captured.getLeadId().equals(key)) {
            throw new MisKeyedRecordException(LEADS_CAPTURED.name(), key, captured.getLeadId());
        }
        return LeadIdMdc.with(captured.getLeadId(), () -> {
            LeadScore score = definition.score(LeadProfiles.from(captured.getLead()));
            log.info("Scored lead: {} points, {} {}, definition {}", score.score(), score.stage(), score.priority(),
                    score.definitionVersion());
            meters.counter("leadloop.qualification.leads.scored", "stage", score.stage().name()).increment();
            return LeadScoredEvents.of(captured, score, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    private OutcomeCounts countOutcome(String campaignId, FeedbackRecorded feedback, OutcomeCounts counts) {
        return LeadIdMdc.with(feedback.getLeadId(), () -> {
            log.info("Outcome {} reported for campaign {}", feedback.getOutcome(), campaignId);
            return counts.plus(feedback.getOutcome().name());
        });
    }
}
