package io.leadloop.handoff.assignment;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadStage;
import io.leadloop.events.RepRosterChanged;
import io.leadloop.handoff.roster.RosterChanges;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.PersonalData;
import io.leadloop.schemas.serde.AvroSerde;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@code leads.scored.v1} (MQLs) + {@code feedback.recorded.v1} → routing, SLA clock, escalation →
 * {@code leads.handed-off.v1}, {@code leads.sla-reminders.v1}, {@code leads.sla-breached.v1},
 * {@code leads.escalated.v1}, {@code leads.recycled.v1}, all keyed by leadId; the roster comes from the compacted
 * {@code handoff.roster.v1} through a global store.
 *
 * <p><b>One routing task.</b> MQLs and feedback are repartitioned into single-partition topics (still keyed by
 * leadId, so each lead's events stay in order) and handled by one task. Fair round robin, capacity and daily caps
 * need one consistent view of every rep's load; per-partition state would split it (the skeleton's cursors were
 * fair only per partition). Lead handoff is human-scale traffic (thousands a day), far below one task's
 * throughput; the other instances are standbys and answer the API by forwarding to the task's host.
 *
 * <p>Plain Kafka Streams, no Spring, so {@code TopologyTestDriver} tests build exactly what runs.
 */
public final class HandoffTopology {

    /** Names of the single-partition repartition topics ({@code <application.id>-<name>-repartition}). */
    public static final String ROUTING_SCORED = "routing-scored";
    public static final String ROUTING_FEEDBACK = "routing-feedback";
    public static final String ROUTING_ERASED = "routing-erased";

    private HandoffTopology() {
    }

    /** With persistent (RocksDB) stores, as deployed. */
    public static void addTo(StreamsBuilder builder, HandoffRules rules, Map<String, ?> serdeConfig) {
        addTo(builder, rules, serdeConfig, Stores::persistentKeyValueStore);
    }

    /**
     * As deployed, opening sealed contacts with {@code personalData} (routing reads the email's domain) and counting
     * hand-offs, SLA breaches and the time to first touch in {@code meters} ({@link HandoffMeters}).
     */
    public static void addTo(StreamsBuilder builder, HandoffRules rules, Map<String, ?> serdeConfig,
            PersonalData personalData, MeterRegistry meters) {
        addTo(builder, rules, serdeConfig, Stores::persistentKeyValueStore, personalData, meters);
    }

    /**
     * @param serdeConfig client configs carrying {@code schema.registry.url} (and the serde's other settings)
     * @param storeSupplier store implementation by name (tests substitute stores that outlive a driver)
     */
    public static void addTo(StreamsBuilder builder, HandoffRules rules, Map<String, ?> serdeConfig,
            Function<String, KeyValueBytesStoreSupplier> storeSupplier) {
        addTo(builder, rules, serdeConfig, storeSupplier, PersonalData.plaintextOnly());
    }

    /** Without meters anyone reads (tests). */
    public static void addTo(StreamsBuilder builder, HandoffRules rules, Map<String, ?> serdeConfig,
            Function<String, KeyValueBytesStoreSupplier> storeSupplier, PersonalData personalData) {
        addTo(builder, rules, serdeConfig, storeSupplier, personalData, new SimpleMeterRegistry());
    }

    public static void addTo(StreamsBuilder builder, HandoffRules rules, Map<String, ?> serdeConfig,
            Function<String, KeyValueBytesStoreSupplier> storeSupplier, PersonalData personalData,
            MeterRegistry meters) {
        var erasedSerde = AvroSerde.forValuesOf(Topics.PERSONS_ERASED, serdeConfig);
        var scoredSerde = AvroSerde.forValuesOf(Topics.LEADS_SCORED, serdeConfig);
        var feedbackSerde = AvroSerde.forValuesOf(Topics.FEEDBACK_RECORDED, serdeConfig);
        var rosterSerde = AvroSerde.forValuesOf(Topics.HANDOFF_ROSTER, serdeConfig);
        var handedOffSerde = AvroSerde.forValuesOf(Topics.LEADS_HANDED_OFF, serdeConfig);

        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(storeSupplier.apply(RosterChanges.ROSTER_STORE), Serdes.String(),
                        rosterSerde).withLoggingDisabled(),
                Topics.HANDOFF_ROSTER.name(),
                Consumed.with(Serdes.String(), rosterSerde).withName("handoff-roster"),
                RosterUpdater::new);

        KStream<String, Object> scored = builder
                .stream(Topics.LEADS_SCORED.name(), Consumed.with(Serdes.String(), scoredSerde).withName("leads-scored"))
                .filter((leadId, lead) -> lead != null && lead.getStage() == LeadStage.MQL, Named.as("mqls"))
                .repartition(Repartitioned.with(Serdes.String(), scoredSerde).withName(ROUTING_SCORED)
                        .withNumberOfPartitions(1))
                .mapValues(lead -> (Object) lead, Named.as("scored-as-input"));
        KStream<String, Object> feedback = builder
                .stream(Topics.FEEDBACK_RECORDED.name(),
                        Consumed.with(Serdes.String(), feedbackSerde).withName("feedback-recorded"))
                .filter((leadId, recorded) -> recorded != null, Named.as("feedback-present"))
                .repartition(Repartitioned.with(Serdes.String(), feedbackSerde).withName(ROUTING_FEEDBACK)
                        .withNumberOfPartitions(1))
                .mapValues(recorded -> (Object) recorded, Named.as("feedback-as-input"));

        // Erasure (issue 9): into the routing task like every input, after what it already had about the lead.
        KStream<String, Object> erased = builder
                .stream(Topics.PERSONS_ERASED.name(), Consumed.with(Serdes.String(), erasedSerde).withName("persons-erased"))
                .filter((leadId, event) -> event != null, Named.as("erased-present"))
                .repartition(Repartitioned.with(Serdes.String(), erasedSerde).withName(ROUTING_ERASED)
                        .withNumberOfPartitions(1))
                .mapValues(event -> (Object) event, Named.as("erased-as-input"));

        KStream<String, SpecificRecord> events = scored.merge(feedback, Named.as("routing-input"))
                .merge(erased, Named.as("routing-input-erased"))
                .process(new HandoffSupplier(rules, handedOffSerde, storeSupplier, personalData, new HandoffMeters(meters)),
                        Named.as("handoff"));

        events.split(Named.as("events-"))
                .branch((leadId, event) -> event instanceof LeadHandedOff,
                        Branched.withConsumer(stream -> to(stream, Topics.LEADS_HANDED_OFF, handedOffSerde)))
                .branch((leadId, event) -> event instanceof io.leadloop.events.SlaReminderDue,
                        Branched.withConsumer(stream -> to(stream, Topics.LEADS_SLA_REMINDERS, serdeConfig)))
                .branch((leadId, event) -> event instanceof io.leadloop.events.SlaBreached,
                        Branched.withConsumer(stream -> to(stream, Topics.LEADS_SLA_BREACHED, serdeConfig)))
                .branch((leadId, event) -> event instanceof io.leadloop.events.LeadEscalated,
                        Branched.withConsumer(stream -> to(stream, Topics.LEADS_ESCALATED, serdeConfig)))
                .branch((leadId, event) -> event instanceof io.leadloop.events.LeadRecycled,
                        Branched.withConsumer(stream -> to(stream, Topics.LEADS_RECYCLED, serdeConfig)))
                .branch((leadId, event) -> event instanceof io.leadloop.events.HandoffWithheld,
                        Branched.withConsumer(stream -> to(stream, Topics.LEADS_HANDOFF_WITHHELD, serdeConfig)));
    }

    private static <T extends SpecificRecord> void to(KStream<String, SpecificRecord> stream, Topic<T> topic,
            Map<String, ?> serdeConfig) {
        to(stream, topic, AvroSerde.forValuesOf(topic, serdeConfig));
    }

    private static <T extends SpecificRecord> void to(KStream<String, SpecificRecord> stream, Topic<T> topic,
            Serde<T> serde) {
        stream.mapValues(event -> topic.valueType().cast(event), Named.as("as-" + topic.name()))
                .to(topic.name(), Produced.with(Serdes.String(), serde).withName(topic.name()));
    }

    /** Keeps the global roster store at the latest change per rep. */
    private static final class RosterUpdater implements Processor<String, RepRosterChanged, Void, Void> {

        private KeyValueStore<String, RepRosterChanged> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(RosterChanges.ROSTER_STORE);
        }

        @Override
        public void process(Record<String, RepRosterChanged> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    /**
     * Connects the processor to its stores. The two whose few keys every lead changes (a rep's load, the round-robin
     * credits) are cached: their changelogs then get each key once per commit instead of once per lead (issue 7:
     * two of the loop's per-lead broker appends). The per-lead stores would gain nothing from it.
     */
    private record HandoffSupplier(HandoffRules rules, AvroSerde<LeadHandedOff> handedOffSerde,
            Function<String, KeyValueBytesStoreSupplier> storeSupplier, PersonalData personalData,
            HandoffMeters meters)
            implements ProcessorSupplier<String, Object, String, SpecificRecord> {

        @Override
        public Processor<String, Object, String, SpecificRecord> get() {
            return new HandoffProcessor(rules, personalData, meters);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    store(HandoffStores.HANDOFFS, handedOffSerde),
                    store(HandoffStores.LEAD_STATES, JsonSerde.of(LeadState.class)),
                    store(HandoffStores.SLA_TIMERS, Serdes.String()),
                    store(HandoffStores.REP_QUEUES, Serdes.String()),
                    store(HandoffStores.REP_LOADS, JsonSerde.of(RepLoad.class)).withCachingEnabled(),
                    store(HandoffStores.ROUTING_CREDITS, JsonSerde.of(RoutingCredits.class)).withCachingEnabled());
        }

        private <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> serde) {
            return Stores.keyValueStoreBuilder(storeSupplier.apply(name), Serdes.String(), serde);
        }
    }
}
