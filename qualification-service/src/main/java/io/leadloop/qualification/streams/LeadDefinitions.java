package io.leadloop.qualification.streams;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.leadloop.events.LeadDefinitionChange;
import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.qualification.QualificationProperties;
import io.leadloop.qualification.definitions.ApprovalConflictException;
import io.leadloop.qualification.definitions.Backtest;
import io.leadloop.qualification.definitions.DefinitionDocument;
import io.leadloop.qualification.definitions.DefinitionState;
import io.leadloop.qualification.definitions.InvalidDefinitionException;
import io.leadloop.qualification.definitions.UnknownDefinitionException;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerde;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proposes and approves lead definition versions by publishing their new state to the compacted definitions
 * topic, and reads them back from the global store built from it.
 *
 * <p>The global store catches up a moment after a publish; what this instance published last is kept here too,
 * so an approval right after a proposal (or a first approval) on the same instance sees it. Approvals racing on
 * two instances could still overwrite each other; routing commands through a stream processor keyed by version
 * is the fix if that ever matters (approvals are a few a month).
 */
@Component
public class LeadDefinitions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LeadDefinitions.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 10;
    /** Reads other instances' backtest answers: the counts; the rates they also carry are derived again here. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final QualificationStores stores;
    private final DefaultKafkaProducerFactory<String, LeadDefinitionChanged> producers;
    private final KafkaTemplate<String, LeadDefinitionChanged> publisher;
    private final Clock clock;
    private final DefinitionState builtin;
    private final Map<String, LeadDefinitionChanged> publishedHere = new ConcurrentHashMap<>();
    private final StreamsInstances instances;
    private final Set<String> freeMailDomains;

    LeadDefinitions(QualificationStores stores, KafkaProperties kafka, QualificationProperties properties, Clock clock,
            StreamsInstances instances) {
        this.stores = stores;
        this.instances = instances;
        this.freeMailDomains = properties.scoring().freeMailDomains();
        this.clock = clock;
        Map<String, Object> config = kafka.buildProducerProperties();
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                AvroSerde.forValuesOf(Topics.LEAD_DEFINITIONS, config).serializer());
        this.publisher = new KafkaTemplate<>(producers);
        String version = properties.scoring().definitionVersion();
        // The built-in definition is active from the start: no proposal, no approvals.
        this.builtin = new DefinitionState(version,
                DefinitionDocument.of(version, properties.scoring().toDefinitionParameters()).json(), null,
                Instant.EPOCH, List.of(), Instant.EPOCH);
    }

    /**
     * Proposes a version.
     *
     * @throws io.leadloop.qualification.definitions.InvalidDefinitionException if the document is invalid
     * @throws ApprovalConflictException if the version exists already
     */
    public synchronized DefinitionState propose(String json, String proposedBy) {
        DefinitionDocument document = DefinitionDocument.parse(json);
        if (document.version().equals(builtin.version()) || find(document.version()).isPresent()) {
            throw new ApprovalConflictException(document.version(), "Version '" + document.version()
                    + "' exists already; propose changes under a new version");
        }
        Instant now = clock.instant();
        DefinitionState proposed = DefinitionState.proposed(document, blankToNull(proposedBy), now);
        publish(LeadDefinitionEvents.of(proposed, LeadDefinitionChange.PROPOSED, proposed.proposedBy(), now));
        return proposed;
    }

    /** Records an approval; the version becomes active when it completes one marketing and one sales approval. */
    public synchronized DefinitionState approve(String version, String approver, String team) {
        DefinitionState current = get(version);
        if (version.equals(builtin.version())) {
            throw new ApprovalConflictException(version, "The built-in definition needs no approval");
        }
        Instant now = clock.instant();
        DefinitionState approved = current.approve(approver, team, now);
        publish(LeadDefinitionEvents.of(approved,
                approved.activated() ? LeadDefinitionChange.ACTIVATED : LeadDefinitionChange.APPROVED,
                approver.trim(), now));
        if (approved.activated()) {
            log.info("Lead definition {} is active (approved by {})", version, approved.approvals());
        }
        return approved;
    }

    /** @throws UnknownDefinitionException if no such version was proposed */
    public DefinitionState get(String version) {
        if (version.equals(builtin.version())) {
            return builtin;
        }
        return find(version).map(LeadDefinitionEvents::stateOf)
                .orElseThrow(() -> new UnknownDefinitionException(version));
    }

    /** The definition leads are scored with now: the version activated last, or the built-in one. */
    public DefinitionState active() {
        LeadDefinitionChanged active = stores.definition(LeadDefinitionStoreUpdater.ACTIVE).orElse(null);
        for (LeadDefinitionChanged mine : publishedHere.values()) {
            if (mine.getActivatedAt() != null
                    && (active == null || mine.getActivatedAt().isAfter(active.getActivatedAt()))) {
                active = mine;
            }
        }
        return active == null ? builtin : LeadDefinitionEvents.stateOf(active);
    }

    /** What a version changes against the active one. */
    public List<DefinitionDocument.Change> diff(String version) {
        DefinitionDocument proposed = DefinitionDocument.parse(get(version).document());
        return proposed.changesAgainst(DefinitionDocument.parse(active().document()));
    }

    /**
     * Replays the leads and outcomes seen so far under {@code version} and under {@code against} (the active
     * version when null), side by side. The leads are spread over the instances' partitions: this instance replays
     * its own, and asks every other instance for its share (each answers for its partitions only), naming the
     * version to compare with so that all compare with the same one even while an activation propagates.
     *
     * @param thisInstanceOnly true when another instance asks for this one's share
     * @throws UnknownDefinitionException if either version was never proposed
     */
    public Backtest.Result backtest(String version, String against, boolean thisInstanceOnly) {
        DefinitionState proposed = get(version);
        DefinitionState compared = against == null || against.isBlank() ? active() : get(against);
        Backtest.Result result = stores.backtest(new Backtest(definitionOf(proposed), definitionOf(compared)));
        if (thisInstanceOnly) {
            return result;
        }
        for (URI other : instances.others(QualificationTopology.LEAD_SCORES_STORE)) {
            StreamsInstances.Reply reply = instances.get(other,
                    "api/v1/definitions/" + version + "/backtest?against=" + compared.version(), "application/json");
            if (reply.status() != 200) {
                throw new StreamsInstances.InstanceUnavailableException(
                        "Instance " + other + " answered " + reply.status() + " to a backtest: " + reply.body());
            }
            result = result.plus(JSON.readValue(reply.body(), Backtest.Result.class));
        }
        return result;
    }

    private LeadDefinition definitionOf(DefinitionState state) {
        try {
            return BuiltinLeadDefinition.create(state.version(), DefinitionDocument.parse(state.document()).parameters(),
                    freeMailDomains);
        } catch (InvalidDefinitionException invalid) {
            // Only a record written around the API can be invalid; backtesting it means nothing.
            throw new ApprovalConflictException(state.version(), "Version '" + state.version()
                    + "' has an invalid document and cannot be backtested: " + invalid.violations());
        }
    }

    private Optional<LeadDefinitionChanged> find(String version) {
        Optional<LeadDefinitionChanged> stored = stores.definition(version);
        LeadDefinitionChanged mine = publishedHere.get(version);
        if (mine != null && (stored.isEmpty() || mine.getOccurredAt().isAfter(stored.get().getOccurredAt()))) {
            return Optional.of(mine);
        }
        return stored;
    }

    private void publish(LeadDefinitionChanged event) {
        try {
            publisher.send(Topics.LEAD_DEFINITIONS.name(), event.getDefinitionVersion(), event)
                    .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ScoresUnavailableException(Topics.LEAD_DEFINITIONS.name(), interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new ScoresUnavailableException(Topics.LEAD_DEFINITIONS.name(), failed);
        }
        publishedHere.put(event.getDefinitionVersion(), event);
        log.info("Lead definition {} {} by {}", event.getDefinitionVersion(), event.getKind(), event.getActor());
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
