package io.leadloop.handoff.assignment;

import static io.leadloop.handoff.ScoredLeadMother.aScoredLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.Priority;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.handoff.routing.RoundRobinRouter;
import io.leadloop.handoff.sla.BusinessCalendar;
import io.leadloop.handoff.sla.SlaPolicy;
import io.leadloop.handoff.sla.TeamCalendars;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroSerde;

class HandoffTopologyTest {

    /** Monday 09:00 UTC: 10:00 in Berlin (inbound-emea), 04:00 in New York (inbound-americas). */
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, LeadScored> scored;
    private TestInputTopic<String, byte[]> scoredRaw;
    private TestOutputTopic<String, LeadHandedOff> handedOff;

    @BeforeEach
    void startTopology() {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://handoff-topology-" + UUID.randomUUID());
        var rules = new HandoffRules(
                new RoundRobinRouter(new RepRoster(List.of(
                        new Rep("rep-ana", "Ana Lima", "inbound-emea"),
                        new Rep("rep-bo", "Bo Chen", "inbound-americas"),
                        new Rep("rep-cy", "Cy Okafor", "inbound-apac")))),
                SlaPolicy.defaults(new TeamCalendars(
                        Map.of("inbound-emea", BusinessCalendar.officeHours(ZoneId.of("Europe/Berlin")),
                                "inbound-americas", BusinessCalendar.officeHours(ZoneId.of("America/New_York"))),
                        BusinessCalendar.officeHours(ZoneOffset.UTC))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        var builder = new StreamsBuilder();
        HandoffTopology.addTo(builder, rules, serdeConfig);

        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "handoff-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class);
        driver = new TopologyTestDriver(builder.build(), props);

        var scoredSerde = AvroSerde.forValuesOf(Topics.LEADS_SCORED, serdeConfig);
        var handedOffSerde = AvroSerde.forValuesOf(Topics.LEADS_HANDED_OFF, serdeConfig);
        scored = driver.createInputTopic(Topics.LEADS_SCORED.name(), new StringSerializer(), scoredSerde.serializer());
        scoredRaw = driver.createInputTopic(Topics.LEADS_SCORED.name(), new StringSerializer(), new ByteArraySerializer());
        handedOff = driver.createOutputTopic(Topics.LEADS_HANDED_OFF.name(), new StringDeserializer(),
                handedOffSerde.deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void handsAnMqlToARepWithItsSlaAndTheFullSnapshot() {
        LeadScored lead = aScoredLead().mql().hot().build();

        scored.pipeInput(lead.getLeadId(), lead);

        TestRecord<String, LeadHandedOff> record = handedOff.readRecord();
        LeadHandedOff handoff = record.value();
        assertThat(record.key()).isEqualTo(lead.getLeadId());
        assertThat(handoff.getLeadId()).isEqualTo(lead.getLeadId());
        assertThat(handoff.getOwnerRepId()).isEqualTo("rep-ana");
        assertThat(handoff.getRoutingReason()).isEqualTo("round robin: rep-ana was next of 3 eligible reps (first assignment)");
        assertThat(handoff.getOccurredAt()).isEqualTo(NOW);
        // rep-ana is in inbound-emea: 10:00 in Berlin + 15 working minutes.
        assertThat(handoff.getSlaDueAt()).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
        assertThat(handoff.getScore()).isEqualTo(lead.getScore());
        assertThat(handoff.getPriority()).isEqualTo(Priority.HOT);
        assertThat(handoff.getReasons()).isEqualTo(lead.getReasons());
        assertThat(handoff.getDefinitionVersion()).isEqualTo(lead.getDefinitionVersion());
        assertThat(handoff.getLead()).isEqualTo(lead.getLead());
        assertThat(handoff.getEventId()).isEqualTo(LeadHandOffProcessor.eventIdFor(lead));
        assertThat(handedOff.isEmpty()).isTrue();
    }

    @Test
    void startsTheSlaClockByPriorityTierInWorkingTimeOnTheOwnersTeamCalendar() {
        LeadScored warmForBerlin = aScoredLead().mql().warm().build();
        LeadScored hotForNewYork = aScoredLead().mql().hot().build();
        LeadScored coldForTheDefaultCalendar = aScoredLead().mql().cold().build();

        scored.pipeInput(warmForBerlin.getLeadId(), warmForBerlin);
        scored.pipeInput(hotForNewYork.getLeadId(), hotForNewYork);
        scored.pipeInput(coldForTheDefaultCalendar.getLeadId(), coldForTheDefaultCalendar);

        List<LeadHandedOff> handoffs = handedOff.readValuesToList();
        assertThat(handoffs).extracting(LeadHandedOff::getOwnerRepId).containsExactly("rep-ana", "rep-bo", "rep-cy");
        assertThat(handoffs).extracting(LeadHandedOff::getSlaDueAt).containsExactly(
                // Berlin is at work since 09:00 CET: 10:00 + 4h = 14:00 CET.
                Instant.parse("2026-03-02T13:00:00Z"),
                // New York opens at 09:00 EST (14:00Z): + 15 minutes.
                Instant.parse("2026-03-02T14:15:00Z"),
                // UTC office hours: Monday, Tuesday, Wednesday 8h each.
                Instant.parse("2026-03-04T17:00:00Z"));
    }

    @Test
    void routesConsecutiveMqlsRoundRobinAndKeepsTheCursorInAStateStore() {
        for (int i = 0; i < 4; i++) {
            LeadScored lead = aScoredLead().mql().build();
            scored.pipeInput(lead.getLeadId(), lead);
        }

        assertThat(handedOff.readValuesToList()).extracting(LeadHandedOff::getOwnerRepId)
                .containsExactly("rep-ana", "rep-bo", "rep-cy", "rep-ana");
        KeyValueStore<String, String> cursor = driver.getKeyValueStore(HandoffStores.ROUTING_CURSOR);
        assertThat(cursor.get(LeadHandOffProcessor.CURSOR_KEY)).isEqualTo("rep-ana");
    }

    @Test
    void doesNotHandOffALeadReScoredAsMqlAfterItsHandoff() {
        LeadScored first = aScoredLead().mql().warm().build();
        LeadScored rescored = aScoredLead().withLeadId(first.getLeadId()).mql().hot().build();

        scored.pipeInput(first.getLeadId(), first);
        scored.pipeInput(rescored.getLeadId(), rescored);

        assertThat(handedOff.readValuesToList()).singleElement()
                .satisfies(handoff -> assertThat(handoff.getPriority()).isEqualTo(Priority.WARM));
        KeyValueStore<String, LeadHandedOff> handoffs = driver.getKeyValueStore(HandoffStores.HANDOFFS);
        assertThat(handoffs.get(first.getLeadId()).getOwnerRepId()).isEqualTo("rep-ana");
    }

    @Test
    void doesNotHandOffALeadThatIsNotAnMql() {
        LeadScored lead = aScoredLead().notQualified().build();

        scored.pipeInput(lead.getLeadId(), lead);

        assertThat(handedOff.isEmpty()).isTrue();
        KeyValueStore<String, LeadHandedOff> handoffs = driver.getKeyValueStore(HandoffStores.HANDOFFS);
        assertThat(handoffs.get(lead.getLeadId())).isNull();
    }

    /** The dead letter itself is asserted in HandoffServiceIT: TopologyTestDriver drops handler-produced records. */
    @Test
    void skipsAnUnreadableScoreAndHandsOffTheNextLead() {
        LeadScored next = aScoredLead().mql().build();

        scoredRaw.pipeInput("lead-poison", "not confluent avro".getBytes(StandardCharsets.UTF_8));
        scored.pipeInput(next.getLeadId(), next);

        assertThat(handedOff.readValuesToList()).extracting(LeadHandedOff::getLeadId).containsExactly(next.getLeadId());
    }
}
