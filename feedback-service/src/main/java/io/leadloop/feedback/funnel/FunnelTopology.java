package io.leadloop.feedback.funnel;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

import io.leadloop.feedback.LeadMdc;
import io.leadloop.feedback.funnel.domain.CampaignFunnel;
import io.leadloop.feedback.funnel.domain.FunnelFact;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.serde.AvroSerde;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel as a Kafka Streams topology: every lead event is folded into that lead's {@link LeadFunnel}
 * (store {@value #LEAD_FUNNELS_STORE}), and the lead funnels are summed per campaign
 * (store {@value #CAMPAIGN_FUNNELS_STORE}).
 *
 * <p>The per-campaign sum is a KTable aggregation with an adder and a subtractor: each change of a lead's funnel
 * takes its old version out and puts the new one in, so re-scoring or a repeated event never counts a lead twice.
 * The stores are internal state, not a contract between services, so they hold JSON.
 */
public final class FunnelTopology {

    public static final String LEAD_FUNNELS_STORE = "lead-funnels";
    public static final String CAMPAIGN_FUNNELS_STORE = "campaign-funnels";

    private static final Logger log = LoggerFactory.getLogger(FunnelTopology.class);

    private final Map<String, ?> serdeConfigs;
    private final Serde<LeadFunnel> leadFunnelSerde;
    private final Serde<CampaignFunnel> campaignFunnelSerde;

    /** @param serdeConfigs client properties carrying {@code schema.registry.url} for the Avro serdes */
    public FunnelTopology(Map<String, ?> serdeConfigs) {
        this.serdeConfigs = Map.copyOf(serdeConfigs);
        JsonMapper json = JsonMapper.builder().build();
        this.leadFunnelSerde = new JacksonJsonSerde<>(LeadFunnel.class, json).noTypeInfo().ignoreTypeHeaders();
        this.campaignFunnelSerde = new JacksonJsonSerde<>(CampaignFunnel.class, json).noTypeInfo().ignoreTypeHeaders();
    }

    /** Adds the funnel to the builder and returns the per-campaign table. */
    public KTable<String, CampaignFunnel> addTo(StreamsBuilder builder) {
        KStream<String, FunnelFact> facts = read(builder, Topics.LEADS_CAPTURED).mapValues(FunnelFacts::captured, Named.as("captured-as-fact"))
                .merge(read(builder, Topics.LEADS_SCORED).mapValues(FunnelFacts::scored, Named.as("scored-as-fact")))
                .merge(read(builder, Topics.LEADS_HANDED_OFF).mapValues(FunnelFacts::handedOff, Named.as("handed-off-as-fact")))
                .merge(read(builder, Topics.FEEDBACK_RECORDED).flatMapValues(FunnelFacts::salesReported, Named.as("feedback-as-fact")));

        KTable<String, LeadFunnel> leads = facts
                .groupByKey()
                .aggregate(() -> null, FunnelTopology::fold, Named.as("fold-lead-funnel"),
                        Materialized.<String, LeadFunnel, KeyValueStore<Bytes, byte[]>>as(LEAD_FUNNELS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(leadFunnelSerde));

        return leads
                .groupBy((leadId, lead) -> KeyValue.pair(lead.campaignKey(), lead),
                        Grouped.with("lead-funnels-by-campaign", Serdes.String(), leadFunnelSerde))
                .aggregate(() -> null,
                        (campaignId, lead, campaign) -> orEmpty(campaign, campaignId).plus(lead),
                        (campaignId, lead, campaign) -> orEmpty(campaign, campaignId).minus(lead),
                        Named.as("sum-campaign-funnel"),
                        Materialized.<String, CampaignFunnel, KeyValueStore<Bytes, byte[]>>as(CAMPAIGN_FUNNELS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(campaignFunnelSerde));
    }

    private <T extends SpecificRecord> KStream<String, T> read(StreamsBuilder builder, Topic<T> topic) {
        return builder.stream(topic.name(),
                        Consumed.with(Serdes.String(), AvroSerde.forValuesOf(topic, serdeConfigs)).withName("read-" + topic.name()))
                .filter((leadId, event) -> event != null, Named.as("skip-tombstones-of-" + topic.name()));
    }

    private static LeadFunnel fold(String key, FunnelFact fact, LeadFunnel funnel) {
        try (var ignored = LeadMdc.lead(fact.leadId())) {
            LeadFunnel before = funnel == null ? LeadFunnel.unknown(fact.leadId()) : funnel;
            LeadFunnel after = before.apply(fact);
            log.debug("Lead funnel after {}: {}", fact.getClass().getSimpleName(), after);
            return after;
        }
    }

    private static CampaignFunnel orEmpty(CampaignFunnel campaign, String campaignId) {
        return campaign == null ? CampaignFunnel.empty(campaignId) : campaign;
    }
}
