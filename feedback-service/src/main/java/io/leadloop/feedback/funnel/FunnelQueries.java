package io.leadloop.feedback.funnel;

import java.util.Optional;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;
import org.springframework.stereotype.Component;

import io.leadloop.feedback.funnel.domain.CampaignFunnel;
import io.leadloop.feedback.funnel.domain.LeadFunnel;

/**
 * Reads the funnel's state stores: what is known of a lead, and a campaign's numbers.
 *
 * <p>Reads this instance's stores only; with more than one instance a lead or campaign may live on another one
 * (routing queries to it is future work, see issue 6).
 */
@Component
public class FunnelQueries {

    private final KafkaStreamsInteractiveQueryService queries;

    FunnelQueries(KafkaStreamsInteractiveQueryService queries) {
        this.queries = queries;
    }

    /** What is known of the lead, if any of its events has been seen. */
    public Optional<LeadFunnel> lead(String leadId) {
        return Optional.ofNullable(this.<LeadFunnel>get(FunnelTopology.LEAD_FUNNELS_STORE, leadId));
    }

    /** The funnel of the campaign ({@value LeadFunnel#NO_CAMPAIGN} for leads without one), if it has leads. */
    public Optional<CampaignFunnel> campaign(String campaignId) {
        return Optional.ofNullable(this.<CampaignFunnel>get(FunnelTopology.CAMPAIGN_FUNNELS_STORE, campaignId));
    }

    /** Both finding the store and reading it fail while Kafka Streams is not RUNNING. */
    private <V> V get(String storeName, String key) {
        try {
            ReadOnlyKeyValueStore<String, V> store =
                    queries.retrieveQueryableStore(storeName, QueryableStoreTypes.<String, V>keyValueStore());
            return store.get(key);
        } catch (IllegalStateException | InvalidStateStoreException notQueryable) {
            throw new FunnelNotReady(notQueryable);
        }
    }
}
