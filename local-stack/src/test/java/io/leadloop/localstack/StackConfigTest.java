package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void usesDocumentedDefaultsWithoutEnvironment() {
        StackConfig config = StackConfig.fromEnvironment(ROOT, Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8085/apis/ccompat/v7");
        assertThat(config.serviceUrl(Part.INTAKE)).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.serviceUrl(Part.FEEDBACK)).isEqualTo("http://127.0.0.1:8084");
        assertThat(config.home()).isEqualTo(ROOT.resolve(".leadloop"));
        assertThat(config.partsInStartOrder()).containsExactly(Part.values());
        assertThat(config.serviceJvmOptions()).startsWith("-Xmx256m", "-XX:+UseSerialGC");
    }

    @Test
    void trimsTheNativeHeapOnlyWhereTheJvmKnowsTheFlag() {
        assertThat(StackConfig.serviceJvmDefaults(21)).containsExactly("-Xmx256m", "-XX:+UseSerialGC",
                "-Djdk.nio.maxCachedBufferSize=262144");
        assertThat(StackConfig.serviceJvmDefaults(25)).containsExactly("-Xmx256m", "-XX:+UseSerialGC",
                "-Djdk.nio.maxCachedBufferSize=262144", "-XX:TrimNativeHeapInterval=5000");
    }

    @Test
    void takesPortsHomeAndJvmFlagsFromEnvironment() {
        StackConfig config = StackConfig.fromEnvironment(ROOT, Map.of(
                "LEADLOOP_KAFKA_PORT", "19092",
                "LEADLOOP_REGISTRY_PORT", "18085",
                "LEADLOOP_HANDOFF_PORT", "18083",
                "LEADLOOP_HOME", "/var/tmp/ll",
                "LEADLOOP_SERVICE_JAVA_OPTS", "-Xmx512m  -XX:+UseParallelGC"));

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:18085/apis/ccompat/v7");
        assertThat(config.serviceUrl(Part.HANDOFF)).isEqualTo("http://127.0.0.1:18083");
        assertThat(config.logFile(Part.KAFKA)).isEqualTo(Path.of("/var/tmp/ll/logs/kafka.log"));
        assertThat(config.pidFile(Part.HANDOFF)).isEqualTo(Path.of("/var/tmp/ll/run/handoff-service.pid"));
        assertThat(config.serviceJvmOptions()).containsExactly("-Xmx512m", "-XX:+UseParallelGC");
    }

    @Test
    void runsOnlyThePartsNamedInLeadloopParts() {
        StackConfig config = StackConfig.fromEnvironment(ROOT, Map.of("LEADLOOP_PARTS", "registry, kafka"));

        assertThat(config.partsInStartOrder()).containsExactly(Part.KAFKA, Part.REGISTRY);
    }

    @Test
    void rejectsAPortThatIsNotANumberNamingTheVariable() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(ROOT, Map.of("LEADLOOP_INTAKE_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEADLOOP_INTAKE_PORT");
    }

    @Test
    void givesATestStackEightDistinctFreePorts() {
        StackConfig.Ports ports = StackConfig.onFreePorts(ROOT, Path.of("/tmp/x")).ports();

        assertThat(new int[] {ports.kafka(), ports.kafkaController(), ports.registry(), ports.registryManagement(),
                ports.intake(), ports.qualification(), ports.handoff(), ports.feedback()})
                .doesNotHaveDuplicates()
                .doesNotContain(9092, 8085, 8081);
    }

    @Test
    void passesEveryServiceTheBrokerRegistryAndAStateDirUnderHome() {
        StackConfig config = StackConfig.fromEnvironment(ROOT, Map.of("LEADLOOP_HOME", "/h"));

        assertThat(PartDefinition.of(Part.QUALIFICATION, config).javaArguments()).containsSubsequence(
                "-XX:SharedArchiveFile=/h/run/qualification-service/qualification-service.jsa",
                "-XX:+AutoCreateSharedArchive",
                "-jar", "/h/run/qualification-service/app/qualification-service.jar",
                "--server.port=8082",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.kafka.properties.schema.registry.url=http://127.0.0.1:8085/apis/ccompat/v7",
                "--spring.kafka.streams.state-dir=/h/data/qualification-service/streams");
    }

    @Test
    void sharesClassDataForTheLeadloopCommandButNotForThrowAwayTestStacks() {
        assertThat(StackConfig.fromEnvironment(ROOT, Map.of()).classDataSharing()).isTrue();
        StackConfig off = StackConfig.fromEnvironment(ROOT, Map.of("LEADLOOP_HOME", "/h", "LEADLOOP_CDS", "false"));
        assertThat(off.classDataSharing()).isFalse();
        assertThat(PartDefinition.of(Part.INTAKE, off).javaArguments())
                .containsSubsequence("-jar", "/h/run/lead-intake-service/lead-intake-service.jar")
                .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"));
        assertThat(StackConfig.onFreePorts(ROOT, Path.of("/tmp/x")).classDataSharing()).isFalse();
        assertThat(StackConfig.onFreePorts(ROOT, Path.of("/tmp/x")).withClassDataSharing(true).replica(2)
                .classDataSharing()).isTrue();
    }

    @Test
    void appendsExtraArgumentsToOneServiceOnly() {
        StackConfig config = StackConfig.fromEnvironment(ROOT, Map.of())
                .withServiceArguments(Part.FEEDBACK, "--leadloop.feedback.crm.salesforce.organization-id=00D0")
                .withServiceArguments(Part.FEEDBACK, "--a=b");

        assertThat(PartDefinition.of(Part.FEEDBACK, config).javaArguments()).endsWith(
                "--leadloop.feedback.crm.salesforce.organization-id=00D0", "--a=b");
        assertThat(PartDefinition.of(Part.HANDOFF, config).javaArguments())
                .noneMatch(argument -> argument.startsWith("--leadloop.feedback"));
        assertThatThrownBy(() -> config.withServiceArguments(Part.KAFKA, "--x=y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesAReplicaTheSameBrokerAndRegistryButServicePortsAndStateOfItsOwn() {
        StackConfig first = StackConfig.onFreePorts(ROOT, Path.of("/tmp/x"));
        StackConfig replica = first.replica(2);

        assertThat(replica.bootstrapServers()).isEqualTo(first.bootstrapServers());
        assertThat(replica.schemaRegistryUrl()).isEqualTo(first.schemaRegistryUrl());
        assertThat(replica.partsInStartOrder()).containsExactlyElementsOf(Part.services());
        assertThat(replica.serviceUrl(Part.INTAKE)).isNotEqualTo(first.serviceUrl(Part.INTAKE));
        assertThat(replica.dataDir(Part.QUALIFICATION)).isEqualTo(Path.of("/tmp/x/replica-2/data/qualification-service"));
    }
}
