package io.leadloop.handoff.assignment;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerde;

/**
 * {@code leads.scored.v1} → hand MQLs off once, round robin → {@code leads.handed-off.v1}, keyed by leadId.
 *
 * <p>Plain Kafka Streams, no Spring, so {@code TopologyTestDriver} tests build exactly what runs.
 */
public final class HandoffTopology {

    private HandoffTopology() {
    }

    /**
     * Adds the handoff topology to {@code builder}.
     *
     * @param serdeConfig client configs carrying {@code schema.registry.url} (and the serde's other settings)
     */
    public static KStream<String, LeadHandedOff> addTo(StreamsBuilder builder, HandoffRules rules,
            Map<String, ?> serdeConfig) {
        var scoredSerde = AvroSerde.forValuesOf(Topics.LEADS_SCORED, serdeConfig);
        var handedOffSerde = AvroSerde.forValuesOf(Topics.LEADS_HANDED_OFF, serdeConfig);

        KStream<String, LeadHandedOff> handoffs = builder
                .stream(Topics.LEADS_SCORED.name(), Consumed.with(Serdes.String(), scoredSerde).withName("leads-scored"))
                .process(new HandOffSupplier(rules, handedOffSerde), Named.as("hand-off-mqls"));
        handoffs.to(Topics.LEADS_HANDED_OFF.name(),
                Produced.with(Serdes.String(), handedOffSerde).withName("leads-handed-off"));
        return handoffs;
    }

    /** Connects the processor to its two stores. */
    private record HandOffSupplier(HandoffRules rules, AvroSerde<LeadHandedOff> handedOffSerde)
            implements ProcessorSupplier<String, LeadScored, String, LeadHandedOff> {

        @Override
        public Processor<String, LeadScored, String, LeadHandedOff> get() {
            return new LeadHandOffProcessor(rules);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HandoffStores.HANDOFFS),
                            Serdes.String(), handedOffSerde),
                    Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HandoffStores.ROUTING_CURSOR),
                            Serdes.String(), Serdes.String()));
        }
    }
}
