package io.leadloop.security.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.schemas.privacy.PersonalData;

/**
 * The person keys a service opens sealed contacts with, read from intake's {@code privacy.person-keys.v1} with the
 * service's own Kafka client settings. Intake creates that topic; until it exists nothing is sealed.
 *
 * <p>Qualification (scoring reads the email's domain and the job title) and handoff (routing by the email's domain
 * for account ownership, and the CRM connector) both open sealed contacts, so both {@code @Import} this one
 * configuration. It is deliberately not an auto-configuration: intake builds its own {@link PersonKeyRing} (the
 * keys' writer, with its own lookup wait and the privacy topics, in its {@code PrivacyConfiguration}), and feedback
 * never opens a contact, so neither should get a key reader just by depending on {@code service-security}.
 *
 * <p>For the same reason it carries no {@code @Configuration}: only an {@code @Import} (or a context runner) brings
 * it in, never a component scan of {@code io.leadloop.security} such as this module's own test application's. Its
 * {@code @Bean} methods are processed all the same (Spring's "lite" mode; none calls another).
 */
@EnableConfigurationProperties(PersonKeysProperties.class)
public class PersonKeysConfiguration {

    @Bean(destroyMethod = "close")
    PersonKeyRing personKeyRing(KafkaProperties kafka, PersonKeysProperties keys) {
        return PersonKeyRing.start(kafka.buildConsumerProperties(), keys.missWait(), keys.fetchWait());
    }

    /** Pauses the reader with the context (a paused test context); the destroy method above ends it for good. */
    @Bean
    PersonKeyReaderLifecycle personKeyReaderLifecycle(PersonKeyRing personKeyRing) {
        return new PersonKeyReaderLifecycle(personKeyRing);
    }

    /** Bound by Spring Boot's metrics auto-configuration, like any {@code MeterBinder} bean. */
    @Bean
    PersonKeyRingMetrics personKeyRingMetrics(PersonKeyRing personKeyRing) {
        return new PersonKeyRingMetrics(personKeyRing);
    }

    @Bean
    PersonalData personalData(PersonKeyRing keys) {
        return new PersonalData(keys);
    }
}
