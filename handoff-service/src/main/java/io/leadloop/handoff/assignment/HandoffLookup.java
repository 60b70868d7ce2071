package io.leadloop.handoff.assignment;

import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadHandedOff;

/**
 * Reads handoffs from the {@link HandoffStores#HANDOFFS} store of this instance.
 *
 * <p>One instance holds every partition in the skeleton; with several, a lead's handoff lives on the instance
 * owning its partition, and the API must forward there ({@code application.server} +
 * {@code KafkaStreamsInteractiveQueryService#getKafkaStreamsApplicationHostInfo}).
 */
@Component
public class HandoffLookup {

    private final KafkaStreamsInteractiveQueryService queries;

    HandoffLookup(KafkaStreamsInteractiveQueryService queries) {
        this.queries = queries;
    }

    /**
     * @throws HandoffsUnavailableException while the store cannot be read (starting, rebalancing, restoring)
     */
    public Optional<LeadHandedOff> find(String leadId) {
        try {
            ReadOnlyKeyValueStore<String, LeadHandedOff> store =
                    queries.retrieveQueryableStore(HandoffStores.HANDOFFS, QueryableStoreTypes.keyValueStore());
            return Optional.ofNullable(store.get(leadId));
        } catch (InvalidStateStoreException | IllegalStateException | IllegalArgumentException notReady) {
            // IllegalState: retries exhausted; IllegalArgument: Kafka Streams not created yet.
            throw new HandoffsUnavailableException(notReady);
        }
    }
}
