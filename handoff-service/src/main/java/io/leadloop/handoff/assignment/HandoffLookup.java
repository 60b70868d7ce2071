package io.leadloop.handoff.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadHandedOff;

/**
 * Reads handoffs and open queues from the stores of this instance's routing task.
 */
@Component
public class HandoffLookup {

    private final KafkaStreamsInteractiveQueryService queries;

    HandoffLookup(KafkaStreamsInteractiveQueryService queries) {
        this.queries = queries;
    }

    /** A lead's latest handoff and where it stands now (current owner, SLA status). */
    public record Handoff(LeadHandedOff handedOff, LeadState state) {
    }

    /**
     * @throws HandoffsUnavailableException while the store cannot be read (starting, rebalancing, restoring)
     */
    public Optional<Handoff> find(String leadId) {
        try {
            LeadHandedOff handedOff = this.<LeadHandedOff>store(HandoffStores.HANDOFFS).get(leadId);
            if (handedOff == null) {
                return Optional.empty();
            }
            return Optional.of(new Handoff(handedOff, this.<LeadState>store(HandoffStores.LEAD_STATES).get(leadId)));
        } catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException notReady) {
            // IllegalState: retries exhausted; IllegalArgument: Kafka Streams not created yet.
            throw new HandoffsUnavailableException(notReady);
        }
    }

    /** The open leads a rep owns, oldest handoff first. */
    public List<LeadState> openQueue(String repId) {
        try {
            ReadOnlyKeyValueStore<String, String> queues = store(HandoffStores.REP_QUEUES);
            ReadOnlyKeyValueStore<String, LeadState> states = store(HandoffStores.LEAD_STATES);
            var open = new ArrayList<LeadState>();
            // '|' + 1 = '}': the range of keys "repId|..."
            try (KeyValueIterator<String, String> range = queues.range(repId + "|", repId + "}")) {
                range.forEachRemaining(entry -> {
                    LeadState state = states.get(entry.value);
                    if (state != null && state.open() && repId.equals(state.ownerRepId())) {
                        open.add(state);
                    }
                });
            }
            open.sort(java.util.Comparator.comparing(LeadState::ownerHandedOffAt));
            return open;
        } catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException notReady) {
            throw new HandoffsUnavailableException(notReady);
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return queries.retrieveQueryableStore(name, QueryableStoreTypes.keyValueStore());
    }
}
