package io.leadloop.handoff.assignment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadStage;
import io.leadloop.handoff.routing.RoutingDecision;

/**
 * Hands each MQL to a rep, once: a lead already in the {@link HandoffStores#HANDOFFS} store is not handed off
 * again when it is re-scored as MQL. Other stages are not for sales and pass without output.
 *
 * <p>The round-robin cursor lives in the {@link HandoffStores#ROUTING_CURSOR} store, which Kafka Streams keeps per
 * task, i.e. per input partition: routing is fair within a partition and survives restarts and rebalances (the
 * store is changelogged), but across partitions each cursor walks the roster on its own. Issue 5 brings weighted,
 * globally fair routing. Under exactly-once the store updates and the output commit together.
 */
final class LeadHandOffProcessor implements Processor<String, LeadScored, String, LeadHandedOff> {

    /** The single key of the cursor store: one cursor per task. */
    static final String CURSOR_KEY = "round-robin";

    private static final Logger log = LoggerFactory.getLogger(LeadHandOffProcessor.class);

    private final HandoffRules rules;
    private ProcessorContext<String, LeadHandedOff> context;
    private KeyValueStore<String, LeadHandedOff> handoffs;
    private KeyValueStore<String, String> cursor;

    LeadHandOffProcessor(HandoffRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, LeadHandedOff> context) {
        this.context = context;
        this.handoffs = context.getStateStore(HandoffStores.HANDOFFS);
        this.cursor = context.getStateStore(HandoffStores.ROUTING_CURSOR);
    }

    @Override
    public void process(Record<String, LeadScored> record) {
        LeadScored scored = record.value();
        if (scored == null) {
            return;
        }
        String leadId = scored.getLeadId();
        try (var ignored = MDC.putCloseable("leadId", leadId)) {
            if (scored.getStage() != LeadStage.MQL) {
                log.debug("Lead scored {} ({}): not an MQL, not handed off", scored.getScore(), scored.getStage());
                return;
            }
            LeadHandedOff earlier = handoffs.get(leadId);
            if (earlier != null) {
                log.info("Lead re-scored as MQL but already handed off to {} at {}: not handed off again",
                        earlier.getOwnerRepId(), earlier.getOccurredAt());
                return;
            }
            LeadHandedOff handedOff = handOff(scored);
            handoffs.put(leadId, handedOff);
            cursor.put(CURSOR_KEY, handedOff.getOwnerRepId());
            context.forward(record.withKey(leadId).withValue(handedOff)
                    .withTimestamp(handedOff.getOccurredAt().toEpochMilli()));
            log.info("Lead handed off to {} ({}), first touch due at {}", handedOff.getOwnerRepId(),
                    handedOff.getRoutingReason(), handedOff.getSlaDueAt());
        }
    }

    private LeadHandedOff handOff(LeadScored scored) {
        RoutingDecision decision = rules.router().route(Optional.ofNullable(cursor.get(CURSOR_KEY)));
        // Avro's timestamp-millis keeps milliseconds; truncate so event, store and API agree.
        Instant now = rules.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        return LeadHandedOff.newBuilder()
                .setEventId(eventIdFor(scored))
                .setOccurredAt(now)
                .setLeadId(scored.getLeadId())
                .setOwnerRepId(decision.owner().id())
                .setRoutingReason(decision.reason())
                .setSlaDueAt(rules.sla().dueAt(scored.getPriority(), decision.owner().team(), now))
                .setScore(scored.getScore())
                .setPriority(scored.getPriority())
                .setReasons(scored.getReasons())
                .setDefinitionVersion(scored.getDefinitionVersion())
                .setLead(scored.getLead())
                .build();
    }

    /**
     * Derived from the scoring event that caused the handoff, so the same handoff always carries the same id and
     * consumers can de-duplicate by it.
     */
    static String eventIdFor(LeadScored scored) {
        return UUID.nameUUIDFromBytes(("leadloop.handoff:" + scored.getEventId()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
