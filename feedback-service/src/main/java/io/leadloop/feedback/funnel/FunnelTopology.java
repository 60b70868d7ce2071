package io.leadloop.feedback.funnel;

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
 */
public final class FunnelTopology {

    public static final String LEAD_FUNNELS_STORE = "lead-funnels";
    public static final String NUMBERS_STORE = "funnel-numbers";
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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LEAD_FUNNELS_STORE),
                Serdes.String(), leadFunnelSerde));
        KStream<String, FunnelFact> facts = read(builder, Topics.LEADS_CAPTURED).mapValues(FunnelFacts::captured, Named.as("captured-as-fact"))
                .merge(read(builder, Topics.LEADS_SCORED).mapValues(FunnelFacts::scored, Named.as("scored-as-fact")))
                .merge(read(builder, Topics.LEADS_HANDED_OFF).mapValues(FunnelFacts::handedOff, Named.as("handed-off-as-fact")))
                .merge(read(builder, Topics.FEEDBACK_RECORDED).flatMapValues(FunnelFacts::salesReported, Named.as("feedback-as-fact")));

        KTable<String, FunnelNumbers> numbers = facts
                .process(LeadFunnelFold::new, Named.as("fold-lead-funnel"), LEAD_FUNNELS_STORE)
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

    /** Folds a fact into its lead's funnel and forwards what that changed in the numbers, keyed by numbers key. */
    private static final class LeadFunnelFold implements Processor<String, FunnelFact, String, FunnelNumbers> {

        private ProcessorContext<String, FunnelNumbers> context;
        private KeyValueStore<String, LeadFunnel> leads;

        @Override
        public void init(ProcessorContext<String, FunnelNumbers> context) {
            this.context = context;
            this.leads = context.getStateStore(LEAD_FUNNELS_STORE);
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
                Contributions.change(before, after).forEach((numbersKey, change) ->
                        context.forward(record.withKey(numbersKey.asString()).withValue(change)));
            }
        }
    }
}
