package io.leadloop.feedback.funnel;

import static io.leadloop.feedback.LeadMother.aLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadStage;
import io.leadloop.events.SalesOutcome;
import io.leadloop.feedback.LeadMother;
import io.leadloop.feedback.funnel.domain.CampaignFunnel;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
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

        assertThat(campaign("spring-launch")).isEqualTo(new CampaignFunnel("spring-launch", 2, 1, 1, 1, 0, 1, 1, 0,
                Map.of("USD", new BigDecimal("1200.00"))));
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
    }

    private CampaignFunnel campaign(String campaignId) {
        KeyValueStore<String, CampaignFunnel> campaigns = driver.getKeyValueStore(FunnelTopology.CAMPAIGN_FUNNELS_STORE);
        return campaigns.get(campaignId);
    }
}
