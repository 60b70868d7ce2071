package io.leadloop.security.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.schemas.privacy.PersonalData;

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
