package io.leadloop.feedback.funnel;

import static io.leadloop.feedback.LeadMother.aLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadloop.events.AttributedAmount;
import io.leadloop.events.FunnelNumbersChanged;
import io.leadloop.events.LeadStage;
import io.leadloop.events.SalesOutcome;
import io.leadloop.feedback.LeadMother;
import io.leadloop.feedback.funnel.domain.Dimension;
import io.leadloop.feedback.funnel.domain.FunnelNumbers;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.funnel.domain.NumbersKey;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroSerde;
import io.leadloop.schemas.serde.AvroSerdeConfig;

class FunnelTopologyTest {

    private final Map<String, Object> serdeConfigs =
            Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://funnel-topology-" + UUID.randomUUID());
    private TopologyTestDriver driver;

    @BeforeEach
    void startDriver() {
        var builder = new StreamsBuilder();
        new FunnelTopology(serdeConfigs).addTo(builder);
        var properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "funnel-topology-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class);
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class);
        properties.putAll(serdeConfigs);
        driver = new TopologyTestDriver(builder.build(), properties);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void countsEachLeadOnceInEveryStageItReached() {
        LeadMother won = aLead().inCampaign("spring-launch");
        LeadMother onlyCaptured = aLead().inCampaign("spring-launch");

        publish(Topics.LEADS_CAPTURED, won.leadId(), won.captured());
        publish(Topics.LEADS_CAPTURED, onlyCaptured.leadId(), onlyCaptured.captured());
        publish(Topics.LEADS_SCORED, won.leadId(), won.scored(LeadStage.MQL));
        publish(Topics.LEADS_SCORED, won.leadId(), won.scored(LeadStage.MQL));
        publish(Topics.LEADS_HANDED_OFF, won.leadId(), won.handedOff());
        publish(Topics.FEEDBACK_RECORDED, won.leadId(), won.reported(SalesOutcome.ACCEPTED));
        publish(Topics.FEEDBACK_RECORDED, won.leadId(), won.reported(SalesOutcome.CONTACTED));
        publish(Topics.FEEDBACK_RECORDED, won.leadId(), won.won("1200.00", "USD"));
        publish(Topics.FEEDBACK_RECORDED, won.leadId(), won.won("1200.00", "USD"));

        FunnelNumbers campaign = campaign("spring-launch");
        assertThat(List.of(campaign.captured(), campaign.qualified(), campaign.handedOff(), campaign.accepted(),
                campaign.rejected(), campaign.contacted(), campaign.won(), campaign.lost()))
                .containsExactly(2L, 1L, 1L, 1L, 0L, 1L, 1L, 0L);
        assertThat(campaign.revenue()).isEqualTo(Map.of("USD", new BigDecimal("1200.00")));
    }

    @Test
    void rescoringBelowMqlDoesNotUncountOrDoubleCountTheLead() {
        LeadMother lead = aLead().inCampaign("rescored");

        publish(Topics.LEADS_CAPTURED, lead.leadId(), lead.captured());
        publish(Topics.LEADS_SCORED, lead.leadId(), lead.scored(LeadStage.MQL));
        publish(Topics.LEADS_SCORED, lead.leadId(), lead.scored(LeadStage.NOT_QUALIFIED));
        publish(Topics.LEADS_SCORED, lead.leadId(), lead.scored(LeadStage.MQL));

        assertThat(campaign("rescored").captured()).isEqualTo(1);
        assertThat(campaign("rescored").qualified()).isEqualTo(1);
    }

    @Test
    void leadsWithoutCampaignAreCountedUnderNone() {
        LeadMother lead = aLead().withoutCampaign();

        publish(Topics.LEADS_CAPTURED, lead.leadId(), lead.captured());

        assertThat(campaign(LeadFunnel.NO_CAMPAIGN).captured()).isEqualTo(1);
    }

    @Test
    void remembersEachLeadWithItsCampaign() {
        LeadMother lead = aLead().inCampaign("remembered");

        publish(Topics.LEADS_CAPTURED, lead.leadId(), lead.captured());

        KeyValueStore<String, LeadFunnel> leads = driver.getKeyValueStore(FunnelTopology.LEAD_FUNNELS_STORE);
        assertThat(leads.get(lead.leadId()).captured()).isTrue();
        assertThat(leads.get(lead.leadId()).campaignId()).isEqualTo("remembered");
    }

    @Test
    void publishesEachKeysLatestNumbersForMarketingTools() {
        LeadMother lead = aLead().inCampaign("published");

        publish(Topics.LEADS_CAPTURED, lead.leadId(), lead.captured());
        publish(Topics.LEADS_HANDED_OFF, lead.leadId(), lead.handedOff());
        publish(Topics.FEEDBACK_RECORDED, lead.leadId(), lead.won("900.00", "EUR"));

        Map<String, FunnelNumbersChanged> latest = driver.createOutputTopic(Topics.FUNNEL_NUMBERS.name(),
                new StringDeserializer(), AvroSerde.forValuesOf(Topics.FUNNEL_NUMBERS, serdeConfigs).deserializer())
                .readKeyValuesToMap();
        FunnelNumbersChanged campaign = latest.get("campaign|published|2026-11-23");
        assertThat(campaign.getCaptured()).isEqualTo(1);
        assertThat(campaign.getWon()).isEqualTo(1);
        assertThat(campaign.getRevenue()).singleElement()
                .satisfies(amount -> assertThat(amount.getAmount()).isEqualTo(new BigDecimal("900.00")));
        assertThat(campaign.getAttributedRevenue()).extracting(AttributedAmount::getModel)
                .containsExactlyInAnyOrder("first-touch", "last-touch", "linear", "u-shaped", "w-shaped");
        assertThat(latest.get("rep|rep-ana|2026-11-23").getHandedOff()).isEqualTo(1);
        KeyValueStore<String, FunnelNumbersChanged> everyInstance =
                driver.getKeyValueStore(FunnelTopology.NUMBERS_GLOBAL_STORE);
        assertThat(NumbersPublished.toNumbers(everyInstance.get("campaign|published|2026-11-23")))
                .isEqualTo(numbers().get("campaign|published|2026-11-23"));
    }

    @Test
    void sumsTheChangesOfOneIntervalBeforePublishingThem() {
        var captured = driver.createInputTopic(Topics.LEADS_CAPTURED.name(), new StringSerializer(),
                AvroSerde.forValuesOf(Topics.LEADS_CAPTURED, serdeConfigs).serializer());
        var published = driver.createOutputTopic(Topics.FUNNEL_NUMBERS.name(), new StringDeserializer(),
                AvroSerde.forValuesOf(Topics.FUNNEL_NUMBERS, serdeConfigs).deserializer());
        for (int i = 0; i < 5; i++) {
            LeadMother lead = aLead().inCampaign("combined");
            captured.pipeInput(lead.leadId(), lead.captured());
        }

        assertThat(campaign("combined").captured()).as("nothing is summed before the interval ends").isZero();
        driver.advanceWallClockTime(FunnelTopology.COMBINE_INTERVAL);

        assertThat(campaign("combined").captured()).isEqualTo(5);
        assertThat(published.readKeyValuesToList())
                .filteredOn(change -> change.key.equals("campaign|combined|2026-11-23"))
                .singleElement()
                .satisfies(change -> assertThat(change.value.getCaptured()).isEqualTo(5));
    }

    /** Where the dead letter goes is asserted in FeedbackServiceIT: TopologyTestDriver does not capture it. */
    @Test
    void goesOnWithTheNextRecordAfterOneItCannotRead() {
        LeadMother lead = aLead().inCampaign("after-poison");
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.LEADS_CAPTURED.name(),
                new StringSerializer(), new ByteArraySerializer());

        raw.pipeInput("poison", "not avro at all".getBytes());
        publish(Topics.LEADS_CAPTURED, lead.leadId(), lead.captured());

        assertThat(campaign("after-poison").captured()).isEqualTo(1);
    }

    private <T extends SpecificRecord> void publish(Topic<T> topic, String leadId, T event) {
        driver.createInputTopic(topic.name(), new StringSerializer(),
                AvroSerde.forValuesOf(topic, serdeConfigs).serializer()).pipeInput(leadId, event);
        // The fold hands its summed changes on once per combine interval (wall-clock punctuation).
        driver.advanceWallClockTime(FunnelTopology.COMBINE_INTERVAL);
    }

    private KeyValueStore<String, FunnelNumbers> numbers() {
        return driver.getKeyValueStore(FunnelTopology.NUMBERS_STORE);
    }

    /** All days of the campaign summed, as the API does. */
    private FunnelNumbers campaign(String campaignId) {
        KeyValueStore<String, FunnelNumbers> numbers = driver.getKeyValueStore(FunnelTopology.NUMBERS_STORE);
        FunnelNumbers sum = FunnelNumbers.ZERO;
        try (var days = numbers.prefixScan(NumbersKey.prefix(Dimension.CAMPAIGN, campaignId), new StringSerializer())) {
            while (days.hasNext()) {
                sum = sum.plus(days.next().value);
            }
        }
        return sum;
    }
}
