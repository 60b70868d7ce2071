package io.leadloop.handoff.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.security.streams.CurrentStreamsStores;

/**
 * Reads handoffs and open queues from the stores of this instance's routing task, on the Streams client the factory
 * bean holds now ({@link CurrentStreamsStores}).
 */
@Component
public class HandoffLookup {

    private final CurrentStreamsStores stores;

    HandoffLookup(CurrentStreamsStores stores) {
        this.stores = stores;
    }

    /** A lead's latest handoff and where it stands now (current owner, SLA status). */
    public record Handoff(LeadHandedOff handedOff, LeadState state) {
    }

    /**
     * @throws HandoffsUnavailableException while the store cannot be read (starting, rebalancing, restoring)
     */
    public Optional<Handoff> find(String leadId) {
        return read(() -> {
            LeadHandedOff handedOff = stores.<String, LeadHandedOff>keyValueStore(HandoffStores.HANDOFFS).get(leadId);
            if (handedOff == null) {
                return Optional.empty();
            }
            LeadState state = stores.<String, LeadState>keyValueStore(HandoffStores.LEAD_STATES).get(leadId);
            return Optional.of(new Handoff(handedOff, state));
        });
    }

    /** The open leads a rep owns, oldest handoff first. */
    public List<LeadState> openQueue(String repId) {
        return read(() -> {
            ReadOnlyKeyValueStore<String, String> queues = stores.keyValueStore(HandoffStores.REP_QUEUES);
            ReadOnlyKeyValueStore<String, LeadState> states = stores.keyValueStore(HandoffStores.LEAD_STATES);
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
            open.sort(Comparator.comparing(LeadState::ownerHandedOffAt));
            return open;
        });
    }

    private <R> R read(Supplier<R> read) {
        try {
            return stores.read(read);
        } catch (InvalidStateStoreException notReady) {
            throw new HandoffsUnavailableException(notReady);
        }
    }
}
