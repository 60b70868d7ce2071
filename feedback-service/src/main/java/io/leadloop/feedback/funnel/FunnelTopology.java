package io.leadloop.feedback.funnel;

import java.time.Duration;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.events.FunnelNumbersChanged;
import io.leadloop.feedback.LeadMdc;
import io.leadloop.feedback.funnel.domain.Contributions;
import io.leadloop.feedback.funnel.domain.FunnelFact;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.state.FunnelStateFormats;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerde;
import io.leadloop.schemas.streams.PendingSums;
import io.leadloop.security.state.StateFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel as a Kafka Streams topology: every lead event is folded into that lead's {@link LeadFunnel}
 * (store {@value #LEAD_FUNNELS_STORE}); each change of a lead's funnel becomes the change it makes to the numbers
 * (its old contribution taken out, its new one put in, per dimension, day and attribution model:
 * {@link Contributions#change}), and the changes are summed per {@code dimension|value|day} (store
 * {@value #NUMBERS_STORE}) and published to the compacted topic {@code feedback.funnel-numbers.v1}.
 *
 * <p>Summing changes rather than re-grouping a table lets one lead count under many keys at once (its campaign,
 * source, form, landing page, rep, and every campaign of its touches for attribution) through one repartition
 * topic; under exactly-once each change is added exactly once, so re-scoring or a repeated event never counts a
 * lead twice. The stores are internal state, not a contract between services: they hold a compact binary format
 * with a version byte ({@link StateFormat}; JSON, which they held before, is still read), because reading and
 * writing the funnel as JSON was almost a quarter of the service's CPU.
 *
 * <p>The changes are combined before the repartition topic (store {@value #PENDING_CHANGES_STORE}, flushed every
 * {@link #COMBINE_INTERVAL}): a lead's four events change about fifteen numbers keys, and forwarding each change
 * made {@code numbers-changes-repartition} the busiest topic of the whole loop (15 records per lead, a quarter of
 * all the broker's appends, each one a state write and read). Summed per key first, it carries one record per key
 * and interval. The pending sums are a logged store, so under exactly-once a crash neither loses nor repeats them.
 */
public final class FunnelTopology {

    public static final String LEAD_FUNNELS_STORE = "lead-funnels";
    public static final String NUMBERS_STORE = "funnel-numbers";
    /** Changes to the numbers made since the last flush, summed per numbers key: see {@link #COMBINE_INTERVAL}. */
    public static final String PENDING_CHANGES_STORE = "numbers-changes-pending";
    /**
     * How often the pending changes go on to be summed: the exactly-once commit interval (Kafka Streams' default,
     * 100 ms), so combining adds at most about one commit of delay to the numbers.
     */
    public static final Duration COMBINE_INTERVAL = Duration.ofMillis(100);
    /**
     * The published numbers, all of them on every instance (a global table of {@code feedback.funnel-numbers.v1}):
     * what the API reads, so that every instance gives the same answers whichever partitions it owns.
     */
    public static final String NUMBERS_GLOBAL_STORE = "funnel-numbers-global";

    private static final Logger log = LoggerFactory.getLogger(FunnelTopology.class);

    private final Map<String, ?> serdeConfigs;
    private final Serde<LeadFunnel> leadFunnelSerde;
    private final Serde<FunnelNumbers> numbersSerde;

    /** @param serdeConfigs client properties carrying {@code schema.registry.url} for the Avro serdes */
    public FunnelTopology(Map<String, ?> serdeConfigs) {
        this.serdeConfigs = Map.copyOf(serdeConfigs);
        // Reads the JSON the stores and changelogs hold from before the binary format, as the JSON serde wrote it.
        JsonMapper json = JsonMapper.builder().build();
        this.leadFunnelSerde = FunnelStateFormats.leadFunnel(json).serde();
        this.numbersSerde = FunnelStateFormats.funnelNumbers(json).serde();
    }

    /** Adds the funnel to the builder and returns the numbers table. */
    public KTable<String, FunnelNumbers> addTo(StreamsBuilder builder) {
        // Cached: a lead's capture, score and hand-off often arrive within one commit, and then reach the
        // changelog as one record instead of three.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEAD_FUNNELS_STORE),
                Serdes.String(), leadFunnelSerde).withCachingEnabled());
        // In memory (it holds one interval's sums) but logged, and cached so that a flushed key's puts and delete
        // reach the changelog as one record per commit.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_CHANGES_STORE),
                Serdes.String(), numbersSerde).withCachingEnabled());
        KStream<String, FunnelFact> facts = read(builder, Topics.LEADS_CAPTURED).mapValues(FunnelFacts::captured, Named.as("captured-as-fact"))
                .merge(read(builder, Topics.LEADS_SCORED).mapValues(FunnelFacts::scored, Named.as("scored-as-fact")))
                .merge(read(builder, Topics.LEADS_HANDED_OFF).mapValues(FunnelFacts::handedOff, Named.as("handed-off-as-fact")))
                .merge(read(builder, Topics.FEEDBACK_RECORDED).flatMapValues(FunnelFacts::salesReported, Named.as("feedback-as-fact")));

        KTable<String, FunnelNumbers> numbers = facts
                .process(LeadFunnelFold::new, Named.as("fold-lead-funnel"), LEAD_FUNNELS_STORE, PENDING_CHANGES_STORE)
                .groupBy((numbersKey, change) -> numbersKey,
                        Grouped.with("numbers-changes", Serdes.String(), numbersSerde))
                .aggregate(() -> FunnelNumbers.ZERO, (numbersKey, change, sum) -> sum.plus(change),
                        Named.as("sum-numbers"),
                        Materialized.<String, FunnelNumbers, KeyValueStore<Bytes, byte[]>>as(NUMBERS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(numbersSerde));

        numbers.toStream(Named.as("numbers-as-stream"))
                .mapValues(NumbersPublished::of, Named.as("numbers-as-event"))
                .to(Topics.FUNNEL_NUMBERS.name(), Produced.with(Serdes.String(),
                        AvroSerde.forValuesOf(Topics.FUNNEL_NUMBERS, serdeConfigs)).withName("publish-numbers"));
        builder.globalTable(Topics.FUNNEL_NUMBERS.name(),
                Consumed.with(Serdes.String(), AvroSerde.forValuesOf(Topics.FUNNEL_NUMBERS, serdeConfigs))
                        .withName("read-" + Topics.FUNNEL_NUMBERS.name()),
                Materialized.<String, FunnelNumbersChanged, KeyValueStore<Bytes, byte[]>>as(NUMBERS_GLOBAL_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(AvroSerde.forValuesOf(Topics.FUNNEL_NUMBERS, serdeConfigs)));
        return numbers;
    }

    private <T extends SpecificRecord> KStream<String, T> read(StreamsBuilder builder, Topic<T> topic) {
        return builder.stream(topic.name(),
                        Consumed.with(Serdes.String(), AvroSerde.forValuesOf(topic, serdeConfigs)).withName("read-" + topic.name()))
                .filter((leadId, event) -> event != null, Named.as("skip-tombstones-of-" + topic.name()));
    }

    /**
     * Folds a fact into its lead's funnel and adds what that changed in the numbers to the pending sums; every
     * {@link #COMBINE_INTERVAL} forwards the sums, keyed by numbers key.
     */
    private static final class LeadFunnelFold implements Processor<String, FunnelFact, String, FunnelNumbers> {

        private ProcessorContext<String, FunnelNumbers> context;
        private KeyValueStore<String, LeadFunnel> leads;
        private PendingSums<FunnelNumbers> pending;

        @Override
        public void init(ProcessorContext<String, FunnelNumbers> context) {
            this.context = context;
            this.leads = context.getStateStore(LEAD_FUNNELS_STORE);
            // A lead that came and went within one interval (a change taken back) adds nothing.
            this.pending = new PendingSums<>(context.getStateStore(PENDING_CHANGES_STORE), FunnelNumbers::plus,
                    FunnelNumbers::addsNothing);
            context.schedule(COMBINE_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                    now -> pending.forwardAll(context, now));
        }

        @Override
        public void process(Record<String, FunnelFact> record) {
            FunnelFact fact = record.value();
            try (var ignored = LeadMdc.lead(fact.leadId())) {
                LeadFunnel before = leads.get(record.key());
                LeadFunnel after = (before == null ? LeadFunnel.unknown(fact.leadId()) : before).apply(fact);
                if (after.equals(before)) {
                    return;
                }
                leads.put(record.key(), after);
                log.debug("Lead funnel after {}: {}", fact.getClass().getSimpleName(), after);
                Contributions.change(before, after)
                        .forEach((numbersKey, change) -> pending.add(numbersKey.asString(), change));
            }
        }
    }
}
