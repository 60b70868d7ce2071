package io.leadloop.qualification.streams;

import static io.leadloop.qualification.streams.LeadEvents.anAcmeVpWhoAskedForADemo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadScored;
import io.leadloop.qualification.definitions.DefinitionDocument;
import io.leadloop.qualification.learning.LeadModels;
import io.leadloop.qualification.scoring.BuiltinLeadDefinition;
import io.leadloop.qualification.scoring.LeadDefinition;
import io.leadloop.qualification.scoring.LeadScore;
import io.leadloop.qualification.scoring.DefinitionParameters;
import io.leadloop.qualification.scoring.ScoringThresholds;

/**
 * Re-scoring throughput on activation (issue 7's target: 50,000 leads/s): the per-lead work of a re-scoring pass —
 * read the lead's latest {@code LeadScored} from its stored bytes (the store's own Avro serde), skip it if handed
 * off, score its snapshot under the new definition, and, if its stage changed, build and serialize the re-score —
 * on one thread. Not included: the RocksDB iteration and Kafka's produce (the pass runs inside a stream task; the
 * driver-based topology tests commit after every record, far too slow to time this). Prints numbers, asserts
 * nothing; not part of the build (not a {@code *Test}). Run:
 *
 * <pre>mvn -o -q -pl qualification-service -am verify -Dtest=RescoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipITs</pre>
 */
class RescoringBenchmark {

    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final int LEADS = 200_000;
    private static final String STORE_TOPIC = "leadloop-qualification-lead-scores-changelog";

    @Test
    void rescoresLeadsOnActivation() {
        QualificationSerdes serdes = QualificationSerdes.from(
                Map.of("schema.registry.url", "mock://rescoring-benchmark-" + UUID.randomUUID()));
        Serializer<LeadScored> serializer = serdes.scored().serializer();
        Deserializer<LeadScored> deserializer = serdes.scored().deserializer();
        LeadDefinition builtin = BuiltinLeadDefinition.create("builtin-1", ScoringThresholds.DEFAULT,
                BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);
        LeadModels models = QualificationTopologyTest.LEARNING.toLeadModels();
        List<byte[]> stored = new ArrayList<>(LEADS);
        Set<String> handedOff = new HashSet<>();
        for (int i = 0; i < LEADS; i++) {
            LeadCaptured lead = anAcmeVpWhoAskedForADemo("lead-" + i, "campaign-" + (i % 50)).build();
            lead.getLead().getEngagement().setVisits(i % 7);
            LeadScore score = builtin.score(LeadProfiles.from(lead.getLead()));
            stored.add(serializer.serialize(STORE_TOPIC, LeadScoredEvents.of(lead, score,
                    models.predict("all", new LeadFeatures(Set.of()).of(lead.getLead()), key -> 0.1), models.active(), 3, NOW)));
            if (i % 10 == 0) {
                handedOff.add(lead.getLeadId());
            }
        }
        LeadDefinition priorityOnly = definition("hot-80", 50, 80);
        LeadDefinition strict = definition("strict-95", 95, 95);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            long scores = 0;
            for (byte[] value : stored) {
                scores += deserializer.deserialize(STORE_TOPIC, value).getScore();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "RESCORING %-30s %,d leads in %.2f s = %,.0f leads/s (%d)%n",
                    "read only (Avro, no scoring)", stored.size(), seconds, stored.size() / seconds, scores % 10);
            pass("hot-80, no stage changes", stored, handedOff, priorityOnly, deserializer, serializer);
            pass("strict-95, every lead changes", stored, handedOff, strict, deserializer, serializer);
        }
    }

    private static void pass(String label, List<byte[]> stored, Set<String> handedOff, LeadDefinition active,
            Deserializer<LeadScored> deserializer, Serializer<LeadScored> serializer) {
        long start = System.nanoTime();
        long published = 0;
        long bytes = 0;
        for (byte[] value : stored) {
            LeadScored latest = deserializer.deserialize(STORE_TOPIC, value);
            if (handedOff.contains(latest.getLeadId()) || active.version().equals(latest.getDefinitionVersion())) {
                continue;
            }
            LeadScore score = active.score(LeadProfiles.from(latest.getLead()));
            if (score.stage().name().equals(latest.getStage().name())) {
                continue;
            }
            bytes += serializer.serialize("leads.scored.v1", LeadScoredEvents.rescored(latest, score, NOW)).length;
            published++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESCORING %-30s %,d leads in %.2f s = %,.0f leads/s, %,d re-scores (%,d bytes)%n",
                label, stored.size(), seconds, stored.size() / seconds, published, bytes);
    }

    private static LeadDefinition definition(String version, int mql, int hot) {
        String json = DefinitionDocument.of(version, DefinitionParameters.BUILTIN).json()
                .replace("\"mqlThreshold\":50", "\"mqlThreshold\":" + mql)
                .replace("\"hot\":75", "\"hot\":" + hot)
                .replace("\"warm\":50", "\"warm\":" + Math.min(mql, hot));
        return BuiltinLeadDefinition.create(version, DefinitionDocument.parse(json).parameters(),
                BuiltinLeadDefinition.DEFAULT_FREE_MAIL_DOMAINS);
    }
}
