package io.leadloop.security.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.schemas.privacy.PersonKeysUnavailableException;
import io.leadloop.schemas.privacy.PersonalData;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What qualification and handoff get by importing {@link PersonKeysConfiguration}: a key reader built from the
 * service's own {@code spring.kafka.*} settings, and the {@link PersonalData} that opens contacts with it. No broker:
 * the reader only retries its connection in the background until the context closes it.
 */
class PersonKeysConfigurationTest {

    /** Not a {@code @Configuration}, so that the access tests' application in io.leadloop.security never scans it. */
    @EnableConfigurationProperties(KafkaProperties.class)
    static class ServiceKafkaSettings {
    }

    @Test
    void opensContactsWithAKeyReaderOfTheServicesKafkaSettingsAndClosesItWithTheContext() throws Exception {
        new ApplicationContextRunner()
                .withUserConfiguration(ServiceKafkaSettings.class, PersonKeysConfiguration.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
                        "spring.kafka.properties.schema.registry.url=mock://person-keys-configuration-test")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(PersonKeyRing.class)
                            .hasSingleBean(PersonalData.class);
                    assertThat(readerThreads()).isPositive();
                });
        // The ring's close() joins its thread: none is left once the context is closed.
        assertThat(readerThreads()).isZero();
    }

    @Test
    void reportsTheReaderAndTheLookupsThatWaitedForItAsMetrics() throws Exception {
        new ApplicationContextRunner()
                .withUserConfiguration(ServiceKafkaSettings.class, PersonKeysConfiguration.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
                        "spring.kafka.properties.schema.registry.url=mock://person-keys-configuration-test")
                .run(context -> {
                    var registry = new SimpleMeterRegistry();
                    context.getBean(PersonKeyRingMetrics.class).bindTo(registry);
                    var ring = context.getBean(PersonKeyRing.class);
                    assertThat(registry.get("leadloop.person-keys.reading").gauge().value()).isEqualTo(1.0);
                    assertThat(registry.get("leadloop.person-keys.miss.waits").functionTimer().count()).isZero();

                    context.stop();
                    // A key the local store does not have is a miss; with the reader stopped it fails at once.
                    assertThatExceptionOfType(PersonKeysUnavailableException.class)
                            .isThrownBy(() -> ring.key("a-key-nobody-wrote"));

                    assertThat(registry.get("leadloop.person-keys.reading").gauge().value()).isZero();
                    assertThat(registry.get("leadloop.person-keys.miss.waits").functionTimer().count()).isEqualTo(1.0);
                });
    }

    @Test
    void stopsTheKeyReaderWhileTheContextIsStoppedAndStartsItAgainWithIt() throws Exception {
        new ApplicationContextRunner()
                .withUserConfiguration(ServiceKafkaSettings.class, PersonKeysConfiguration.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort(),
                        "spring.kafka.properties.schema.registry.url=mock://person-keys-configuration-test")
                .run(context -> {
                    var ring = context.getBean(PersonKeyRing.class);

                    // What Spring's test framework does to a cached context while another one is in use.
                    context.stop();
                    assertThat(ring.isReading()).isFalse();
                    assertThat(readerThreads()).isZero();

                    context.start();
                    assertThat(ring.isReading()).isTrue();
                    assertThat(readerThreads()).isPositive();
                });
        assertThat(readerThreads()).isZero();
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("person-key-ring") && thread.isAlive()).count();
    }

    /** A port nobody listens on: the reader must not find some other test's broker. */
    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
