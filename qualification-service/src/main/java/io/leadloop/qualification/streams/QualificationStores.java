package io.leadloop.qualification.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.events.LeadScored;
import io.leadloop.qualification.definitions.Backtest;
import io.leadloop.qualification.learning.CampaignTally;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.OutcomeLabels;
import io.leadloop.qualification.learning.OutcomeCounts;
import io.leadloop.qualification.learning.RejectionReasonPredictors;
import io.leadloop.schemas.privacy.PersonalData;
import io.leadloop.security.streams.CurrentStreamsStores;

/**
 * Reads the stream app's stores for the HTTP API, from the Streams client the factory bean holds now (see
 * {@link CurrentStreamsStores}: a restarted client is followed, not queried closed for good).
 *
 * <p>Reads this instance's partitions only; with several instances, {@link StreamsInstances} finds the owner of a
 * key (or the other instances) for the HTTP layer to ask.
 */
@Component
public class QualificationStores {

    private final CurrentStreamsStores stores;
    private final PersonalData personalData;

    QualificationStores(CurrentStreamsStores stores, PersonalData personalData) {
        this.stores = stores;
        this.personalData = personalData;
    }

    /** The lead's latest score, or empty if it was never scored (not captured, or not yet processed). */
    public Optional<LeadScored> latestScore(String leadId) {
        return Optional.ofNullable(read(QualificationTopology.LEAD_SCORES_STORE,
                (ReadOnlyKeyValueStore<String, LeadScored> store) -> store.get(leadId)));
    }

    /** What is known about a campaign; all zeros for one never seen. */
    public CampaignTally campaignTally(String campaignId) {
        Long leadsScored = read(QualificationTopology.CAMPAIGN_LEADS_SCORED_STORE,
                (ReadOnlyKeyValueStore<String, Long> store) -> store.get(campaignId));
        OutcomeCounts outcomes = read(QualificationTopology.CAMPAIGN_OUTCOMES_STORE,
                (ReadOnlyKeyValueStore<String, OutcomeCounts> store) -> store.get(campaignId));
        return new CampaignTally(campaignId, outcomes, leadsScored == null ? 0 : leadsScored);
    }

    /** What the model learned about a rejection reason in a segment: the features most typical of it. */
    public RejectionReasonPredictors rejectionReason(String segment, String reasonCode, int limit) {
        return read(QualificationTopology.MODEL_STORE, (ReadOnlyKeyValueStore<String, Double> model) -> {
            String prefix = RejectionReasonPredictors.featureCountPrefix(segment, reasonCode);
            Map<String, Double> counts = new HashMap<>();
            try (KeyValueIterator<String, Double> entries = model.prefixScan(prefix, new StringSerializer())) {
                entries.forEachRemaining(entry -> counts.put(entry.key.substring(prefix.length()), entry.value));
            }
            return RejectionReasonPredictors.of(segment, reasonCode, counts, key -> {
                Double value = model.get(key);
                return value == null ? 0 : value;
            }, limit);
        });
    }

    /**
     * Replays every lead this instance holds (all its partitions of the lead-scores store: the lead as last
     * scored) with the outcomes learned for it (lead-learning store, same partition) through {@code backtest}.
     * Other instances hold the other partitions; their results add up with this one.
     */
    public Backtest.Result backtest(Backtest backtest) {
        // Not through read(): a retry after a failure halfway would add the leads read before it to backtest twice.
        try {
            ReadOnlyKeyValueStore<String, LeadScored> scores =
                    stores.keyValueStore(QualificationTopology.LEAD_SCORES_STORE);
            ReadOnlyKeyValueStore<String, LeadLearningState> learning =
                    stores.keyValueStore(QualificationTopology.LEAD_LEARNING_STORE);
            try (KeyValueIterator<String, LeadScored> leads = scores.all()) {
                leads.forEachRemaining(lead -> {
                    LeadLearningState state = learning.get(lead.key);
                    Map<String, Boolean> labels = state == null ? Map.of() : state.labels();
                    backtest.add(lead.key, LeadProfiles.from(personalData.opened(lead.value.getLead())),
                            labels.get(OutcomeLabels.ACCEPTED), labels.get(OutcomeLabels.WON));
                });
            }
            return backtest.result();
        } catch (InvalidStateStoreException notQueryable) {
            throw new ScoresUnavailableException(QualificationTopology.LEAD_SCORES_STORE, notQueryable);
        }
    }

    /**
     * The latest state of a definition version (or, under {@link LeadDefinitionStoreUpdater#ACTIVE}, of the active
     * one) as this instance's global store has it.
     */
    Optional<LeadDefinitionChanged> definition(String key) {
        return Optional.ofNullable(read(QualificationTopology.LEAD_DEFINITIONS_STORE,
                (ReadOnlyKeyValueStore<String, LeadDefinitionChanged> store) -> store.get(key)));
    }

    /** Retried briefly while the store is not readable (a rebalance); past that, 503 rather than a held thread. */
    private <K, V, R> R read(String storeName, Function<ReadOnlyKeyValueStore<K, V>, R> query) {
        try {
            return stores.read(storeName, query);
        } catch (InvalidStateStoreException notQueryable) {
            throw new ScoresUnavailableException(storeName, notQueryable);
        }
    }
}
