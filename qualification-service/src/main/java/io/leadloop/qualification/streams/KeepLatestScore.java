package io.leadloop.qualification.streams;

import java.time.Duration;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import io.leadloop.events.LeadScored;
import io.leadloop.qualification.learning.CampaignIds;
import io.leadloop.schemas.streams.PendingSums;

/**
 * Keeps each lead's latest {@link LeadScored} in {@value QualificationTopology#LEAD_SCORES_STORE} and turns what
 * that changes in the distinct scored leads per campaign into deltas: +1 for the campaign of a lead new to the
 * store, -1/+1 when a lead's latest score names another campaign than its previous one, nothing for a re-score in
 * the same campaign. The deltas are summed per campaign in {@value QualificationTopology#CAMPAIGN_LEADS_SCORED_PENDING_STORE}
 * and every {@link QualificationTopology#COUNT_INTERVAL} (wall-clock) the non-zero sums are forwarded, keyed by
 * campaign, to be added into {@value QualificationTopology#CAMPAIGN_LEADS_SCORED_STORE}.
 *
 * <p>Why not {@code toTable().groupBy().count()}: every score (and re-score) keeps its lead's key and partition, yet
 * {@code toTable} after a processor that may forward other keys made Kafka Streams repartition every
 * {@code LeadScored} (the largest event: sealed lead snapshot, explanations) once to fill the table, and the
 * table's {@code groupBy} sent it again to count it (together ~2.5 broker appends per lead of the largest records).
 * Here the table is written in the scoring task itself, and only one small record per campaign and interval is
 * repartitioned. The pending sums are a logged store, so under exactly-once a crash neither loses nor repeats one.
 */
final class KeepLatestScore implements Processor<String, LeadScored, String, Long> {

    private TimestampedKeyValueStore<String, LeadScored> scores;
    private PendingSums<Long> pending;
    private final Duration interval;

    KeepLatestScore(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
        this.scores = context.getStateStore(QualificationTopology.LEAD_SCORES_STORE);
        // A lead that moved to another campaign and back within one interval changes nothing.
        this.pending = new PendingSums<>(context.getStateStore(QualificationTopology.CAMPAIGN_LEADS_SCORED_PENDING_STORE),
                Long::sum, sum -> sum == 0);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> pending.forwardAll(context, now));
    }

    @Override
    public void process(Record<String, LeadScored> record) {
        String leadId = record.key();
        if (leadId == null) {
            // What the table did before (toTable drops records without a key); scoring never emits one.
            return;
        }
        ValueAndTimestamp<LeadScored> before = scores.get(leadId);
        LeadScored latest = record.value();
        if (latest == null) {
            scores.delete(leadId);
        } else {
            scores.put(leadId, ValueAndTimestamp.make(latest, record.timestamp()));
        }
        String campaignBefore = before == null ? null : campaignOf(before.value());
        String campaignNow = latest == null ? null : campaignOf(latest);
        if (campaignBefore != null && campaignBefore.equals(campaignNow)) {
            return;
        }
        if (campaignBefore != null) {
            pending.add(campaignBefore, -1L);
        }
        if (campaignNow != null) {
            pending.add(campaignNow, 1L);
        }
    }

    private static String campaignOf(LeadScored score) {
        return CampaignIds.orNone(LeadProfiles.campaignIdOf(score.getLead()));
    }
}
