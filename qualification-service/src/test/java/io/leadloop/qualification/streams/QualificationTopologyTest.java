package io.leadloop.qualification.streams;

import static io.leadloop.qualification.streams.LeadEvents.aLeadWithoutConsent;
import static io.leadloop.qualification.streams.LeadEvents.anAcmeVpWhoAskedForADemo;
import static io.leadloop.qualification.streams.LeadEvents.feedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDefinitionChange;
import io.leadloop.events.LeadDefinitionChanged;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.events.LeadScored;
import io.leadloop.events.LeadStage;
import io.leadloop.events.Priority;
import io.leadloop.events.SalesOutcome;
import io.leadloop.qualification.QualificationProperties;
import io.leadloop.qualification.learning.LeadLearningState;
import io.leadloop.qualification.learning.OutcomeCounts;
import io.leadloop.qualification.learning.OutcomeLabels;
import io.leadloop.qualification.learning.PendingOutcome;
import io.leadloop.qualification.learning.RejectionReasonPredictors;
import io.leadloop.qualification.definitions.DefinitionDocument;
import io.leadloop.qualification.definitions.DefinitionState;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.DefinitionParameters;
import io.leadloop.qualification.scoring.ScoringThresholds;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.deadletter.DeadLetterTopicHandler;
import io.leadloop.schemas.serde.AvroSerde;
import io.leadloop.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class QualificationTopologyTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    static final QualificationProperties.Learning LEARNING = new QualificationProperties.Learning(
            "logistic-regression", "naive-bayes", "none", java.util.Set.of(), 3, Duration.ofDays(30));

    private final Map<String, Object> serdeConfig = Map.of("schema.registry.url",
            "mock://qualification-topology-" + UUID.randomUUID());
    private final QualificationSerdes serdes = QualificationSerdes.from(serdeConfig);
    private final MutableClock clock = new MutableClock(NOW);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, LeadCaptured> captured;
    private TestInputTopic<String, FeedbackRecorded> feedback;
    private TestInputTopic<String, LeadHandedOff> handedOff;
    private TestInputTopic<String, LeadDefinitionChanged> definitions;
    private TestOutputTopic<String, LeadScored> scored;

    @BeforeEach
    void startTopology() {
        startTopology(QualificationProperties.Rescoring.defaults());
    }

    private void startTopology(QualificationProperties.Rescoring rescoring) {
        var builder = new StreamsBuilder();
        new QualificationTopology(
                BuiltinLeadDefinition.create("builtin-1", ScoringThresholds.DEFAULT, BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS),
                BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS, serdes, clock, meters, LEARNING, QualificationProperties.Captures.defaults(), rescoring)
                .addTo(builder);
        var props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "qualification-topology-test");
        // A directory of its own: two builds on one machine must not share (and lock) RocksDB state.
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterTopicHandler.class.getName());
        props.putAll(serdeConfig);
        driver = new TopologyTestDriver(builder.build(), props,
                NOW.minusSeconds(60));
        captured = driver.createInputTopic(Topics.LEADS_CAPTURED.name(), new StringSerializer(), serdes.captured().serializer());
        feedback = driver.createInputTopic(Topics.FEEDBACK_RECORDED.name(), new StringSerializer(), serdes.feedback().serializer());
        handedOff = driver.createInputTopic(Topics.LEADS_HANDED_OFF.name(), new StringSerializer(), serdes.handedOff().serializer());
        definitions = driver.createInputTopic(Topics.LEAD_DEFINITIONS.name(), new StringSerializer(), serdes.definitions().serializer());
        scored = driver.createOutputTopic(Topics.LEADS_SCORED.name(), new StringDeserializer(), serdes.scored().deserializer());
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void publishesTheAcmeVpAsHotMqlKeyedByLeadIdWithEveryReasonAndTheLeadSnapshot() {
        LeadCaptured lead = anAcmeVpWhoAskedForADemo("lead-1", "spring-launch").build();

        captured.pipeInput("lead-1", lead);

        TestRecord<String, LeadScored> record = scored.readRecord();
        assertThat(record.key()).isEqualTo("lead-1");
        LeadScored event = record.value();
        assertThat(event.getLeadId()).isEqualTo("lead-1");
        assertThat(event.getStage()).isEqualTo(LeadStage.MQL);
        assertThat(event.getPriority()).isEqualTo(Priority.HOT);
        assertThat(event.getScore()).isEqualTo(90);
        assertThat(event.getReasons()).hasSize(8);
        assertThat(event.getDefinitionVersion()).isEqualTo("builtin-1");
        assertThat(event.getOccurredAt()).isEqualTo(NOW);
        assertThat(event.getEventId()).isEqualTo(LeadScoredEvents.eventIdFor(lead, "builtin-1"));
        assertThat(event.getLead()).isEqualTo(lead.getLead());
        assertThat(scored.isEmpty()).isTrue();
    }

    @Test
    void scoresACapturePublishedTwiceOnceButANewCaptureOfTheSameLeadAgain() {
        LeadCaptured capture = anAcmeVpWhoAskedForADemo("lead-twice", "spring-launch").build();
        Instant firstCopy = NOW;

        captured.pipeInput("lead-twice", capture, firstCopy);
        captured.pipeInput("lead-twice", capture, firstCopy.plusSeconds(3));
        captured.pipeInput("lead-twice", capture, firstCopy.minusSeconds(1));

        assertThat(scored.readValuesToList()).singleElement()
                .satisfies(event -> assertThat(event.getEventId()).isEqualTo(LeadScoredEvents.eventIdFor(capture, "builtin-1")));

        LeadCaptured secondTouch = anAcmeVpWhoAskedForADemo("lead-twice", "autumn-webinar").build();
        captured.pipeInput("lead-twice", secondTouch, firstCopy.plusSeconds(60));
        assertThat(scored.readValuesToList()).singleElement()
                .satisfies(event -> assertThat(event.getLead().getSource().getCampaignId()).isEqualTo("autumn-webinar"));
    }

    @Test
    void scoresWithTheActivatedDefinitionAndStampsItsVersionOnlyOnceBothTeamsApproved() {
        DefinitionDocument strict = DefinitionDocument.parse(DefinitionDocument.of("strict-1", DefinitionParameters.BUILTIN)
                .json().replace("\"mqlThreshold\":50", "\"mqlThreshold\":95"));
        DefinitionState proposed = DefinitionState.proposed(strict, "mia", NOW);
        DefinitionState marketingApproved = proposed.approve("mia", "marketing", NOW.plusSeconds(1));
        definitions.pipeInput("strict-1", LeadDefinitionEvents.of(proposed, LeadDefinitionChange.PROPOSED, "mia", NOW));
        definitions.pipeInput("strict-1", LeadDefinitionEvents.of(marketingApproved, LeadDefinitionChange.APPROVED,
                "mia", NOW.plusSeconds(1)));

        captured.pipeInput("lead-before", anAcmeVpWhoAskedForADemo("lead-before", "spring-launch").build());
        LeadScored beforeActivation = scored.readValue();
        assertThat(beforeActivation.getDefinitionVersion()).isEqualTo("builtin-1");
        assertThat(beforeActivation.getStage()).isEqualTo(LeadStage.MQL);

        DefinitionState active = marketingApproved.approve("sam", "sales", NOW.plusSeconds(2));
        definitions.pipeInput("strict-1", LeadDefinitionEvents.of(active, LeadDefinitionChange.ACTIVATED, "sam",
                NOW.plusSeconds(2)));
        captured.pipeInput("lead-after", anAcmeVpWhoAskedForADemo("lead-after", "spring-launch").build());

        LeadScored afterActivation = scored.readValue();
        assertThat(afterActivation.getDefinitionVersion()).isEqualTo("strict-1");
        assertThat(afterActivation.getScore()).isEqualTo(90);
        assertThat(afterActivation.getStage()).as("90 points is below strict-1's MQL line of 95")
                .isEqualTo(LeadStage.NOT_QUALIFIED);
        assertThat(afterActivation.getEventId()).isNotEqualTo(beforeActivation.getEventId());
    }

    @Test
    void reScoresTheLeadsNotHandedOffWhenADefinitionActivatesAndPublishesThoseWhoseStageChanged() {
        captured.pipeInput("stays-mql-but-handed-off", anAcmeVpWhoAskedForADemo("stays-mql-but-handed-off", "spring").build());
        captured.pipeInput("drops-out", anAcmeVpWhoAskedForADemo("drops-out", "spring").build());
        captured.pipeInput("was-never-mql", aLeadWithoutConsent("was-never-mql", "spring"));
        LeadScored before = scored.readValuesToList().get(1);
        handedOff.pipeInput("stays-mql-but-handed-off", handoffOf("stays-mql-but-handed-off"));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(scored.isEmpty()).as("nothing activated yet").isTrue();

        activate(strictDefinition("strict-1", 95));
        driver.advanceWallClockTime(Duration.ofSeconds(2));

        assertThat(scored.readKeyValuesToList()).singleElement().satisfies(record -> {
            assertThat(record.key).isEqualTo("drops-out");
            LeadScored rescored = record.value;
            assertThat(rescored.getStage()).isEqualTo(LeadStage.NOT_QUALIFIED);
            assertThat(rescored.getPreviousStage()).isEqualTo(LeadStage.MQL);
            assertThat(rescored.getTrigger()).isEqualTo("definition-activated");
            assertThat(rescored.getDefinitionVersion()).isEqualTo("strict-1");
            assertThat(rescored.getScore()).isEqualTo(90);
            assertThat(rescored.getLead()).isEqualTo(before.getLead());
            assertThat(rescored.getProbabilities()).isEqualTo(before.getProbabilities());
            assertThat(rescored.getEventId()).isNotEqualTo(before.getEventId());
        });
        assertThat(this.<LeadScored>storedValue(QualificationTopology.LEAD_SCORES_STORE, "drops-out").getDefinitionVersion())
                .isEqualTo("strict-1");
        assertThat(before.getTrigger()).isEqualTo("captured");

        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(scored.isEmpty()).as("each activation re-scores once").isTrue();
    }

    @Test
    void reScoresALargePartitionInBatchesAndRestartsThePassWhenAnotherVersionActivatesMeanwhile() {
        driver.close();
        startTopology(new QualificationProperties.Rescoring(true, Duration.ofSeconds(1), 2));
        for (int i = 0; i < 5; i++) {
            captured.pipeInput("lead-" + i, anAcmeVpWhoAskedForADemo("lead-" + i, "spring").build());
        }
        scored.readValuesToList();

        activate(strictDefinition("strict-1", 95));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(scored.readValuesToList()).hasSize(2);
        activate(strictDefinition("strict-2", 96));
        for (int tick = 0; tick < 4; tick++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }

        assertThat(scored.readKeyValuesToList()).as("the two re-scored under strict-1 stay NOT_QUALIFIED under strict-2")
                .extracting(record -> record.key + "/" + record.value.getDefinitionVersion())
                .containsExactly("lead-2/strict-2", "lead-3/strict-2", "lead-4/strict-2");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(scored.isEmpty()).isTrue();
    }

    private void activate(DefinitionDocument document) {
        DefinitionState active = DefinitionState.proposed(document, "mia", NOW)
                .approve("mia", "marketing", NOW).approve("sam", "sales", NOW.plusSeconds(1));
        definitions.pipeInput(document.version(), LeadDefinitionEvents.of(active, LeadDefinitionChange.ACTIVATED, "sam",
                NOW.plusSeconds(1)));
    }

    private static DefinitionDocument strictDefinition(String version, int mqlThreshold) {
        return DefinitionDocument.parse(DefinitionDocument.of(version, DefinitionParameters.BUILTIN)
                .json().replace("\"mqlThreshold\":50", "\"mqlThreshold\":" + mqlThreshold)
                .replace("\"hot\":75", "\"hot\":" + mqlThreshold).replace("\"warm\":50", "\"warm\":" + mqlThreshold));
    }

    private static LeadHandedOff handoffOf(String leadId) {
        LeadCaptured lead = anAcmeVpWhoAskedForADemo(leadId, "spring").build();
        return LeadHandedOff.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(NOW).setLeadId(leadId)
                .setOwnerRepId("rep-ana").setRoutingReason("round robin").setSlaDueAt(NOW.plusSeconds(3600))
                .setScore(90).setPriority(Priority.HOT).setReasons(java.util.List.of()).setDefinitionVersion("builtin-1")
                .setLead(lead.getLead()).build();
    }

    @Test
    void publishesADisqualifiedLeadTooBecauseANoIsAFact() {
        captured.pipeInput("lead-2", aLeadWithoutConsent("lead-2", "spring-launch"));

        LeadScored event = scored.readValue();
        assertThat(event.getStage()).isEqualTo(LeadStage.DISQUALIFIED);
        assertThat(event.getPriority()).isEqualTo(Priority.COLD);
        assertThat(event.getReasons()).extracting(reason -> reason.getRule()).contains("disqualifier.no-consent");
    }

    @Test
    void keepsTheLatestScoreOfEachLeadInTheLeadScoresStore() {
        captured.pipeInput("lead-3", aLeadWithoutConsent("lead-3", "spring-launch"));
        captured.pipeInput("lead-3", anAcmeVpWhoAskedForADemo("lead-3", "spring-launch").build());

        LeadScored latest = storedValue(QualificationTopology.LEAD_SCORES_STORE, "lead-3");
        assertThat(latest.getStage()).isEqualTo(LeadStage.MQL);
    }

    @Test
    void countsDistinctScoredLeadsPerCampaignAndLeadsWithoutOneUnderNone() {
        captured.pipeInput("lead-4", anAcmeVpWhoAskedForADemo("lead-4", "autumn-webinar").build());
        captured.pipeInput("lead-5", anAcmeVpWhoAskedForADemo("lead-5", "autumn-webinar").build());
        captured.pipeInput("lead-5", anAcmeVpWhoAskedForADemo("lead-5", "autumn-webinar").build());
        captured.pipeInput("lead-6", anAcmeVpWhoAskedForADemo("lead-6", null).build());
        driver.advanceWallClockTime(QualificationTopology.COUNT_INTERVAL);

        assertThat(this.<Long>storedValue(QualificationTopology.CAMPAIGN_LEADS_SCORED_STORE, "autumn-webinar"))
                .as("lead-5 scored twice counts once").isEqualTo(2L);
        assertThat(this.<Long>storedValue(QualificationTopology.CAMPAIGN_LEADS_SCORED_STORE, "(none)")).isEqualTo(1L);
    }

    @Test
    void handsOnOneSumPerCampaignAndIntervalInsteadOfARecordPerLead() {
        var changes = campaignChanges();
        for (int i = 0; i < 5; i++) {
            captured.pipeInput("webinar-" + i, anAcmeVpWhoAskedForADemo("webinar-" + i, "winter-webinar").build());
        }
        captured.pipeInput("other", anAcmeVpWhoAskedForADemo("other", "spring-launch").build());
        assertThat(changes.isEmpty()).as("summed until the interval ends").isTrue();
        assertThat(leadsScoredIn("winter-webinar")).isNull();

        driver.advanceWallClockTime(QualificationTopology.COUNT_INTERVAL);

        assertThat(changes.readKeyValuesToMap()).containsOnly(Map.entry("winter-webinar", 5L),
                Map.entry("spring-launch", 1L));
        assertThat(leadsScoredIn("winter-webinar")).isEqualTo(5L);
        assertThat(leadsScoredIn("spring-launch")).isEqualTo(1L);
        driver.advanceWallClockTime(QualificationTopology.COUNT_INTERVAL);
        assertThat(changes.isEmpty()).as("nothing new, nothing handed on").isTrue();
    }

    @Test
    void countsAReScoredLeadOnceAndMovesItWhenItsLatestScoreNamesAnotherCampaign() {
        var changes = campaignChanges();
        captured.pipeInput("known", anAcmeVpWhoAskedForADemo("known", "spring").build());
        captured.pipeInput("dropping", anAcmeVpWhoAskedForADemo("dropping", "spring").build());
        driver.advanceWallClockTime(QualificationTopology.COUNT_INTERVAL);
        assertThat(changes.readKeyValuesToList()).extracting(change -> change.value).containsExactly(2L);

        captured.pipeInput("known", anAcmeVpWhoAskedForADemo("known", "spring").build());
        activate(strictDefinition("strict-1", 95));
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertThat(scored.readValuesToList()).extracting(LeadScored::getTrigger)
                .as("a second capture and two re-scores under strict-1").containsExactly("captured", "captured",
                        "captured", "definition-activated", "definition-activated");
        assertThat(changes.isEmpty()).as("re-scores of known leads change no count").isTrue();
        assertThat(leadsScoredIn("spring")).isEqualTo(2L);

        captured.pipeInput("known", anAcmeVpWhoAskedForADemo("known", "autumn").build());
        driver.advanceWallClockTime(QualificationTopology.COUNT_INTERVAL);
        assertThat(leadsScoredIn("spring")).isEqualTo(1L);
        assertThat(leadsScoredIn("autumn")).isEqualTo(1L);

        captured.pipeInput("known", anAcmeVpWhoAskedForADemo("known", "winter").build());
        captured.pipeInput("known", anAcmeVpWhoAskedForADemo("known", "autumn").build());
        changes.readKeyValuesToList();
        driver.advanceWallClockTime(QualificationTopology.COUNT_INTERVAL);
        assertThat(changes.isEmpty()).as("there and back within one interval changes nothing").isTrue();
        assertThat(leadsScoredIn("autumn")).isEqualTo(1L);
        assertThat(leadsScoredIn("winter")).isNull();
    }

    @Test
    void keepsThePendingSumsAndTheCountsInLoggedStoresSoThatARestartLosesNeither() {
        var pendingChangelog = changelogOf(QualificationTopology.CAMPAIGN_LEADS_SCORED_PENDING_STORE);
        var countsChangelog = changelogOf(QualificationTopology.CAMPAIGN_LEADS_SCORED_STORE);
        for (int i = 0; i < 3; i++) {
            captured.pipeInput("logged-" + i, anAcmeVpWhoAskedForADemo("logged-" + i, "logged").build());
        }
        assertThat(pendingChangelog.readKeyValuesToMap()).as("not handed on yet, but committed with the scores")
                .containsExactly(Map.entry("logged", 3L));

        driver.advanceWallClockTime(QualificationTopology.COUNT_INTERVAL);

        assertThat(pendingChangelog.readKeyValuesToList()).as("handed on: gone from the pending sums")
                .singleElement().satisfies(change -> assertThat(change.value).isNull());
        assertThat(countsChangelog.readKeyValuesToMap()).containsExactly(Map.entry("logged", 3L));
        assertThat(driver.createOutputTopic("qualification-topology-test-" + QualificationTopology.LEAD_SCORES_STORE
                        + "-changelog", new StringDeserializer(), serdes.scored().deserializer()).readKeyValuesToMap())
                .containsOnlyKeys("logged-0", "logged-1", "logged-2");
    }

    private TestOutputTopic<String, Long> campaignChanges() {
        return driver.createOutputTopic("qualification-topology-test-"
                + QualificationTopology.CAMPAIGN_LEADS_SCORED_CHANGES + "-repartition", new StringDeserializer(),
                new LongDeserializer());
    }

    private TestOutputTopic<String, Long> changelogOf(String store) {
        return driver.createOutputTopic("qualification-topology-test-" + store + "-changelog",
                new StringDeserializer(), new LongDeserializer());
    }

    private Long leadsScoredIn(String campaignId) {
        return storedValue(QualificationTopology.CAMPAIGN_LEADS_SCORED_STORE, campaignId);
    }

    @Test
    void countsReportedOutcomesPerCampaign() {
        feedback.pipeInput("lead-7", feedback("lead-7", "autumn-webinar", SalesOutcome.ACCEPTED));
        feedback.pipeInput("lead-7", feedback("lead-7", "autumn-webinar", SalesOutcome.WON));
        feedback.pipeInput("lead-8", feedback("lead-8", "autumn-webinar", SalesOutcome.ACCEPTED));
        feedback.pipeInput("lead-9", feedback("lead-9", null, SalesOutcome.LOST));

        assertThat(outcomesOf("autumn-webinar").counts()).containsExactly(Map.entry("ACCEPTED", 2L), Map.entry("WON", 1L));
        assertThat(outcomesOf("(none)").counts()).containsExactly(Map.entry("LOST", 1L));
    }

    @Test
    void learnsFromAnOutcomeOnlyForLeadsScoredAfterIt() {
        String first = "lead-" + UUID.randomUUID();
        captured.pipeInput(first, anAcmeVpWhoAskedForADemo(first, "spring").build());
        LeadScored before = scored.readValue();
        assertThat(before.getModelVersion()).as("nothing learned yet").isNull();
        assertThat(before.getGrade()).isEqualTo("A");
        assertThat(before.getEngagementScore()).isEqualTo(40);
        assertThat(before.getProbabilities()).extracting(p -> p.getTarget() + "/" + p.getAlgorithm() + "/" + p.getActive())
                .containsExactly("accepted/logistic-regression/true", "won/logistic-regression/true",
                        "accepted/naive-bayes/false", "won/naive-bayes/false");
        assertThat(before.getProbabilities()).allSatisfy(p -> assertThat(p.getProbability()).isEqualTo(0.5));

        feedback.pipeInput(first, feedback(first, "spring", SalesOutcome.WON));
        String second = "lead-" + UUID.randomUUID();
        captured.pipeInput(second, anAcmeVpWhoAskedForADemo(second, "spring").build());

        LeadScored after = scored.readValue();
        assertThat(after.getModelVersion()).isEqualTo("logistic-regression@1");
        var won = after.getProbabilities().get(1);
        assertThat(won.getTarget()).isEqualTo("won");
        assertThat(won.getProbability()).isGreaterThan(0.5);
        assertThat(won.getPushedUp()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(won.getPushedUp().getFirst().getLogOdds()).isPositive();
        assertThat(driver.<String, Double>getKeyValueStore(QualificationTopology.MODEL_STORE)
                .get("naive-bayes|all|won|n+|")).isEqualTo(1.0);
    }

    @Test
    void learnsARepeatedOutcomeOnceAndMovesACorrectedOneToTheOtherClass() {
        String leadId = "lead-" + UUID.randomUUID();
        captured.pipeInput(leadId, anAcmeVpWhoAskedForADemo(leadId, "spring").build());
        feedback.pipeInput(leadId, feedback(leadId, "spring", SalesOutcome.LOST));
        feedback.pipeInput(leadId, feedback(leadId, "spring", SalesOutcome.LOST));
        var model = driver.<String, Double>getKeyValueStore(QualificationTopology.MODEL_STORE);
        assertThat(model.get("naive-bayes|all|won|n-|")).isEqualTo(1.0);
        assertThat(model.get("naive-bayes|all|accepted|n+|")).isEqualTo(1.0);

        feedback.pipeInput(leadId, feedback(leadId, "spring", SalesOutcome.WON));

        assertThat(model.get("naive-bayes|all|won|n-|")).isEqualTo(0.0);
        assertThat(model.get("naive-bayes|all|won|n+|")).isEqualTo(1.0);
        assertThat(model.get("naive-bayes|all|accepted|n+|")).isEqualTo(1.0);
    }

    @Test
    void learnsWhichFeaturesPredictARejectionReason() {
        rejectLeadWith("purchased-list", "bad-contact-data");
        rejectLeadWith("purchased-list", "bad-contact-data");
        rejectLeadWith("purchased-list", "bad-contact-data: bounced");
        rejectLeadWith("webinar", "not-a-fit");
        rejectLeadWith("webinar", "not-a-fit");

        var model = driver.<String, Double>getKeyValueStore(QualificationTopology.MODEL_STORE);
        String prefix = RejectionReasonPredictors.featureCountPrefix("all", "bad-contact-data");
        Map<String, Double> counts = new java.util.HashMap<>();
        try (var entries = model.prefixScan(prefix, new StringSerializer())) {
            entries.forEachRemaining(entry -> counts.put(entry.key.substring(prefix.length()), entry.value));
        }
        var badContactData = RejectionReasonPredictors.of("all", "bad-contact-data", counts,
                key -> model.get(key) == null ? 0 : model.get(key), 10);

        assertThat(badContactData.rejections()).isEqualTo(3);
        assertThat(badContactData.allRejections()).isEqualTo(5);
        assertThat(badContactData.predictors().getFirst().feature()).isEqualTo("attributes.list=purchased-list");
        assertThat(badContactData.predictors().getFirst().logOdds()).isPositive();
    }

    private void rejectLeadWith(String list, String reason) {
        String leadId = "lead-" + UUID.randomUUID();
        LeadCaptured lead = anAcmeVpWhoAskedForADemo(leadId, "spring").build();
        lead.getLead().setAttributes(Map.of("list", list));
        captured.pipeInput(leadId, lead);
        FeedbackRecorded rejection = feedback(leadId, "spring", SalesOutcome.REJECTED);
        rejection.setReason(reason);
        feedback.pipeInput(leadId, rejection);
    }

    @Test
    void dropsTheOutcomesOfALeadNeverCapturedOnceKeptLongerThanConfigured() {
        String neverCaptured = "lead-" + UUID.randomUUID();
        String stillExpected = "lead-" + UUID.randomUUID();
        var learning = driver.<String, LeadLearningState>getKeyValueStore(QualificationTopology.LEAD_LEARNING_STORE);

        feedback.pipeInput(neverCaptured, feedback(neverCaptured, "spring", SalesOutcome.WON));
        clock.advance(Duration.ofDays(20));
        feedback.pipeInput(stillExpected, feedback(stillExpected, "spring", SalesOutcome.REJECTED));
        clock.advance(Duration.ofDays(11));
        driver.advanceWallClockTime(LabelOutcome.EXPIRY_INTERVAL);

        assertThat(learning.get(neverCaptured)).as("kept 31 days, past the 30 configured").isNull();
        assertThat(learning.get(stillExpected).pending()).as("kept 11 days")
                .containsExactly(new PendingOutcome("REJECTED", null, NOW.plus(Duration.ofDays(20))));
        assertThat(meters.counter("leadloop.qualification.outcomes.pending", "action", "expired").count()).isEqualTo(1);

        captured.pipeInput(stillExpected, anAcmeVpWhoAskedForADemo(stillExpected, "spring").build());
        assertThat(learning.get(stillExpected).pending()).as("learned once its capture came").isEmpty();
    }

    @Test
    void givesAnOutcomeKeptBeforeOutcomesExpiredATimeInsteadOfDroppingIt() {
        var learning = driver.<String, LeadLearningState>getKeyValueStore(QualificationTopology.LEAD_LEARNING_STORE);
        learning.put("lead-old", LeadLearningState.pendingOnly(new PendingOutcome("WON", null, null)));
        clock.advance(Duration.ofDays(400));

        driver.advanceWallClockTime(LabelOutcome.EXPIRY_INTERVAL);

        assertThat(learning.get("lead-old").pending())
                .containsExactly(new PendingOutcome("WON", null, NOW.plus(Duration.ofDays(400))));
    }

    @Test
    void learnsAnOutcomeThatOvertookItsCaptureOnlyAfterScoringTheCaptureWithoutIt() {
        String leadId = "lead-" + UUID.randomUUID();
        var model = driver.<String, Double>getKeyValueStore(QualificationTopology.MODEL_STORE);
        var learning = driver.<String, LeadLearningState>getKeyValueStore(QualificationTopology.LEAD_LEARNING_STORE);
        var modelTopic = driver.createOutputTopic(QualificationTopology.MODEL_TOPIC, new StringDeserializer(),
                new org.apache.kafka.common.serialization.DoubleDeserializer());

        feedback.pipeInput(leadId, feedback(leadId, "spring", SalesOutcome.WON));

        assertThat(model.get("naive-bayes|all|won|n+|")).as("nothing to learn with yet").isNull();
        assertThat(modelTopic.isEmpty()).isTrue();
        assertThat(learning.get(leadId).scored()).isFalse();
        assertThat(learning.get(leadId).pending()).containsExactly(new PendingOutcome("WON", null, NOW));
        assertThat(driver.createOutputTopic(Topics.FEEDBACK_RECORDED.deadLetter(), new StringDeserializer(),
                new ByteArrayDeserializer()).isEmpty()).isTrue();

        LeadCaptured capture = anAcmeVpWhoAskedForADemo(leadId, "spring").build();
        captured.pipeInput(leadId, capture);

        LeadScored own = scored.readValue();
        assertThat(own.getModelVersion()).as("scored before its own outcome was learned").isNull();
        assertThat(own.getProbabilities()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getProbability()).isEqualTo(0.5));
        assertThat(modelTopic.readKeyValuesToMap()).isNotEmpty();
        assertThat(model.get("naive-bayes|all|won|n+|")).isEqualTo(1.0);
        assertThat(learning.get(leadId).labels()).containsEntry(OutcomeLabels.WON, true)
                .containsEntry(OutcomeLabels.ACCEPTED, true);
        assertThat(learning.get(leadId).pending()).isEmpty();

        captured.pipeInput(leadId, capture, NOW.plusSeconds(2));
        feedback.pipeInput(leadId, feedback(leadId, "spring", SalesOutcome.WON));
        assertThat(model.get("naive-bayes|all|won|n+|")).as("neither the copy nor the repeat learns again").isEqualTo(1.0);

        String next = "lead-" + UUID.randomUUID();
        captured.pipeInput(next, anAcmeVpWhoAskedForADemo(next, "spring").build());
        LeadScored after = scored.readValue();
        assertThat(after.getLeadId()).isEqualTo(next);
        assertThat(after.getModelVersion()).isEqualTo("logistic-regression@1");
        assertThat(after.getProbabilities().get(1).getProbability()).isGreaterThan(0.5);
    }

    @Test
    void learnsPendingOutcomesInTheirOrderWithTheirRejectionReasons() {
        String leadId = "lead-" + UUID.randomUUID();
        FeedbackRecorded rejection = feedback(leadId, "spring", SalesOutcome.REJECTED);
        rejection.setReason("bad-contact-data: bounced");
        feedback.pipeInput(leadId, feedback(leadId, "spring", SalesOutcome.ACCEPTED));
        feedback.pipeInput(leadId, rejection);

        captured.pipeInput(leadId, anAcmeVpWhoAskedForADemo(leadId, "spring").build());

        var model = driver.<String, Double>getKeyValueStore(QualificationTopology.MODEL_STORE);
        var state = driver.<String, LeadLearningState>getKeyValueStore(QualificationTopology.LEAD_LEARNING_STORE)
                .get(leadId);
        assertThat(state.labels()).containsEntry(OutcomeLabels.ACCEPTED, false)
                .containsEntry(OutcomeLabels.rejectedFor("bad-contact-data"), true);
        assertThat(model.get("naive-bayes|all|accepted|n-|")).as("the rejection corrected the acceptance").isEqualTo(1.0);
        assertThat(model.get("naive-bayes|all|accepted|n+|")).isEqualTo(0.0);
    }

    @Test
    void keepsAtMostTheLatestPendingOutcomesOfALeadNeverCaptured() {
        String leadId = "lead-" + UUID.randomUUID();
        for (int i = 0; i < LeadLearningState.MAX_PENDING + 5; i++) {
            feedback.pipeInput(leadId, feedback(leadId, "spring", i % 2 == 0 ? SalesOutcome.LOST : SalesOutcome.WON));
        }
        var state = driver.<String, LeadLearningState>getKeyValueStore(QualificationTopology.LEAD_LEARNING_STORE)
                .get(leadId);
        assertThat(state.pending()).hasSize(LeadLearningState.MAX_PENDING);
        assertThat(state.pending().getLast().outcome()).isEqualTo("LOST");
    }

    @Test
    void parksAnUnreadableCapturedRecordOnTheDeadLetterTopicAndScoresTheNextOne() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.LEADS_CAPTURED.name(),
                new StringSerializer(), new ByteArraySerializer());
        TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(Topics.LEADS_CAPTURED.deadLetter(),
                new StringDeserializer(), new ByteArrayDeserializer());

        raw.pipeInput("poison", "this is not Avro".getBytes(StandardCharsets.UTF_8));
        captured.pipeInput("lead-10", anAcmeVpWhoAskedForADemo("lead-10", "spring-launch").build());

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(deadLetter.key()).isEqualTo("poison");
        assertThat(deadLetter.value()).asString(StandardCharsets.UTF_8).isEqualTo("this is not Avro");
        assertThat(deadLetter.headers().lastHeader(DeadLetterTopicHandler.EXCEPTION_FQCN)).isNotNull();
        assertThat(scored.readKeyValue().key).isEqualTo("lead-10");
    }

    @Test
    void parksALeadKeyedByAnythingButItsLeadIdOnTheDeadLetterTopic() {
        TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(Topics.LEADS_CAPTURED.deadLetter(),
                new StringDeserializer(), new ByteArrayDeserializer());

        captured.pipeInput("someone-else", anAcmeVpWhoAskedForADemo("lead-11", "spring-launch").build());

        TestRecord<String, byte[]> deadLetter = deadLetters.readRecord();
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterTopicHandler.EXCEPTION_FQCN).value(),
                StandardCharsets.UTF_8)).isEqualTo(MisKeyedRecordException.class.getName());
        assertThat(scored.isEmpty()).isTrue();
    }

    @Test
    void parksUnreadableFeedbackOnItsDeadLetterTopicAndCountsTheNextOne() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.FEEDBACK_RECORDED.name(),
                new StringSerializer(), new ByteArraySerializer());
        TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(Topics.FEEDBACK_RECORDED.deadLetter(),
                new StringDeserializer(), new ByteArrayDeserializer());

        raw.pipeInput("lead-12", new byte[] {0, 0, 0});
        feedback.pipeInput("lead-12", feedback("lead-12", "winter-sale", SalesOutcome.WON));

        assertThat(deadLetters.readRecord().headers().lastHeader(DeadLetterTopicHandler.EXCEPTION_FQCN)).isNotNull();
        assertThat(outcomesOf("winter-sale").of("WON")).isEqualTo(1);
    }

    private OutcomeCounts outcomesOf(String campaignId) {
        return storedValue(QualificationTopology.CAMPAIGN_OUTCOMES_STORE, campaignId);
    }

    private <V> V storedValue(String store, String key) {
        ValueAndTimestamp<V> stored = driver.<String, V>getTimestampedKeyValueStore(store).get(key);
        return stored == null ? null : stored.value();
    }
}
