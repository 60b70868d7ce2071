package io.leadloop.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartitionInfo;

import io.leadloop.localstack.KafkaCluster;
import io.leadloop.localstack.Part;

/** The catalogue, in the order of value (1, 2, 5, 3, 4, 6). */
final class Scenarios {

    /** How long a killed service stays dead before it is started again: load piles up meanwhile. */
    static final Duration SERVICE_DOWNTIME = Duration.ofSeconds(5);
    static final Duration BROKER_DOWNTIME = Duration.ofSeconds(15);
    static final Duration REGISTRY_DOWNTIME = Duration.ofSeconds(20);
    /** Kafka's default session.timeout.ms is 45 s (the services keep it): paused longer than that. */
    static final Duration PAUSE = Duration.ofSeconds(55);
    static final Duration DUPLICATES_DURATION = Duration.ofSeconds(20);
    static final int LEADER_KILLS = 3;
    static final Duration LEADER_DOWNTIME = Duration.ofSeconds(10);

    /** The version in the default build: no process restart, so it fits the build's time budget on 2 cores. */
    static final List<String> SHORT = List.of("5-poison");

    private Scenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        for (Part service : Part.services()) {
            all.add(killAndRestart(service));
        }
        all.add(new Scenario("2-broker-stop", "broker stopped " + BROKER_DOWNTIME.toSeconds() + " s, restarted",
                LeadLoad.Options.STEADY, Scenarios::brokerOutage));
        all.add(new Scenario("5-poison", "poison records on every input topic", LeadLoad.Options.STEADY,
                Poison::inject));
        all.add(new Scenario("3-registry-down", "registry kill -9, " + REGISTRY_DOWNTIME.toSeconds()
                + " s down, restarted", LeadLoad.Options.STEADY, Scenarios::registryOutage));
        all.add(new Scenario("4-sigstop-qualification", "qualification SIGSTOP " + PAUSE.toSeconds()
                + " s (past session timeout), SIGCONT", LeadLoad.Options.STEADY, Scenarios::pauseQualification));
        all.add(new Scenario("6-duplicate-deliveries", "same lead delivered again, and twice at once",
                new LeadLoad.Options(5), Scenarios::duplicateDeliveries));
        all.add(new Scenario("7-scale-out-kill", "two instances of every service, kill -9 one of each",
                LeadLoad.Options.STEADY, Scenarios::killOneOfTwo, Scenario.Setup.TWO_OF_EACH_SERVICE));
        all.add(new Scenario("8-cluster-kill-leader", "3 brokers (RF 3, min ISR 2): kill -9 the leader of "
                + "leads.captured.v1 " + LEADER_KILLS + "×, restart each", LeadLoad.Options.STEADY,
                Scenarios::killLeaderRepeatedly, Scenario.Setup.THREE_BROKERS));
        return List.copyOf(all);
    }

    /** {@code all}, {@code short}, or comma-separated scenario ids. */
    static List<Scenario> select(String selection) {
        if (selection == null || selection.isBlank() || selection.equals("short")) {
            return all().stream().filter(s -> SHORT.contains(s.id())).toList();
        }
        if (selection.equals("all")) {
            return all();
        }
        List<String> ids = Arrays.stream(selection.split(",")).map(String::trim).toList();
        List<Scenario> selected = all().stream().filter(s -> ids.contains(s.id())).toList();
        if (selected.size() != ids.size()) {
            throw new IllegalArgumentException("Unknown scenario in '" + selection + "'; known: "
                    + all().stream().map(Scenario::id).toList());
        }
        return selected;
    }

    static Scenario killAndRestart(Part service) {
        String name = service.id().replace("-service", "").replace("lead-", "");
        return new Scenario("1-kill-" + name, "kill -9 " + service.id() + ", restart", LeadLoad.Options.STEADY,
                context -> {
                    context.stack().kill(service);
                    FaultContext.hold(SERVICE_DOWNTIME);
                    context.stack().start(service);
                    context.healed();
                });
    }

    /** Intake must refuse with 503 + Retry-After while Kafka is away: never a 2xx it cannot keep. */
    static void brokerOutage(FaultContext context) throws InterruptedException {
        long refusedBefore = context.load().status("503");
        context.stack().stop(Part.KAFKA);
        FaultContext.hold(BROKER_DOWNTIME);
        long refused = context.load().status("503") - refusedBefore;
        context.note("intake answered 503 " + refused + "× while the broker was down");
        if (refused == 0) {
            context.fail("intake never answered 503 while the broker was down");
        }
        context.stack().start(Part.KAFKA);
        context.healed();
    }

    /** Running services keep going on the schemas they have cached; a schema nobody registered yet cannot be used. */
    static void registryOutage(FaultContext context) throws InterruptedException {
        context.stack().kill(Part.REGISTRY);
        FaultContext.hold(Duration.ofSeconds(5));
        RegistryProbe.newSchemaFailsClearly(context);
        FaultContext.hold(REGISTRY_DOWNTIME.minusSeconds(5));
        context.stack().start(Part.REGISTRY);
        context.healed();
    }

    static void pauseQualification(FaultContext context) throws InterruptedException {
        context.stack().pause(Part.QUALIFICATION);
        FaultContext.hold(PAUSE);
        context.stack().resume(Part.QUALIFICATION);
        if (!FaultContext.await(Duration.ofSeconds(120), () -> context.healthy(Part.QUALIFICATION))) {
            context.fail("qualification-service was not healthy 120 s after SIGCONT");
        }
        context.healed();
    }

    /**
     * With a second instance of every service running, the first instance of each is killed at once: the second
     * must take over its partitions and state (Streams restores the stores from their changelogs) while the load
     * goes on against the survivors. The first instances come back afterwards and take their share again.
     */
    static void killOneOfTwo(FaultContext context) throws InterruptedException {
        for (Part service : Part.services()) {
            context.stack().kill(service);
        }
        // Healing is the survivors' takeover, not the restart: recovery measures how long the takeover took.
        context.healed();
        FaultContext.hold(Duration.ofSeconds(20));
        context.stack().start(Part.services().toArray(Part[]::new));
    }

    /**
     * Kills the broker leading partition 0 of {@code leads.captured.v1} (intake's topic), keeps it down while
     * another replica leads, starts it again and waits until it is back in sync, {@value #LEADER_KILLS} times.
     * With {@code acks=all} and {@code min.insync.replicas=2}, a 202 means two brokers had the lead.
     */
    static void killLeaderRepeatedly(FaultContext context) throws Exception {
        KafkaCluster cluster = context.cluster();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            for (int round = 1; round <= LEADER_KILLS; round++) {
                int leader = partitions(admin).get(0).leader().id();
                cluster.kill(leader);
                FaultContext.hold(LEADER_DOWNTIME);
                int newLeader = partitions(admin).get(0).leader() == null ? -1 : partitions(admin).get(0).leader().id();
                cluster.start(leader);
                boolean inSync = FaultContext.await(Duration.ofSeconds(120), () -> {
                    try {
                        return partitions(admin).stream().allMatch(p -> p.isr().size() == cluster.nodeIds().size());
                    } catch (Exception e) {
                        return false;
                    }
                });
                context.note("round %d: killed kafka-%d (leader of %s-0), kafka-%d led meanwhile, back in sync: %s"
                        .formatted(round, leader, OutputTail.CAPTURED, newLeader, inSync));
                if (!inSync) {
                    context.fail("kafka-" + leader + " was not back in the ISR 120 s after its restart");
                }
            }
        }
        context.healed();
    }

    private static List<TopicPartitionInfo> partitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of(OutputTail.CAPTURED)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(OutputTail.CAPTURED).partitions();
    }

    /** The fault is in the load itself (repeated deliveries); the system runs untouched meanwhile. */
    static void duplicateDeliveries(FaultContext context) throws InterruptedException {
        context.healed();
        FaultContext.hold(DUPLICATES_DURATION);
        context.note(context.load().repeatsChecked() + " repeated deliveries, every answer checked");
        if (context.load().repeatsChecked() == 0) {
            context.fail("no lead was delivered twice");
        }
    }
}
