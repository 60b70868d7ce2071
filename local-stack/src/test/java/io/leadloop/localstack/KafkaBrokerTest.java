package io.leadloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private final StackConfig config = StackConfig.fromEnvironment(Path.of("/repo"), Map.of(
            "LEADLOOP_HOME", "/h", "LEADLOOP_KAFKA_PORT", "19092", "LEADLOOP_KAFKA_CONTROLLER_PORT", "19093"));

    @Test
    void configuresASingleCombinedNodeOnLoopbackWithoutTopicAutoCreation() {
        String properties = new KafkaBroker(config).serverPropertiesText();

        assertThat(properties)
                .contains("process.roles=broker,controller")
                .contains("controller.quorum.voters=1@127.0.0.1:19093")
                .contains("listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .contains("log.dirs=/h/data/kafka")
                .contains("auto.create.topics.enable=false")
                .contains("offsets.topic.replication.factor=1")
                .contains("transaction.state.log.min.isr=1")
                .contains("group.initial.rebalance.delay.ms=0")
                .contains("num.partitions=3");
    }

    @Test
    void generatesClusterIdsInKafkasFormat() {
        assertThat(KafkaBroker.newClusterId()).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
    }
}
