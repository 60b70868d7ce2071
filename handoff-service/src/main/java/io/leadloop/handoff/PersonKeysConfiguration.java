package io.leadloop.handoff;

import java.time.Duration;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.schemas.privacy.PersonalData;

/**
 * The person keys routing (the email's domain for account ownership) and the CRM connector open sealed contacts
 * with, read from intake's {@code privacy.person-keys.v1}. Intake creates that topic; until it exists nothing is
 * sealed.
 */
@Configuration(proxyBeanMethods = false)
class PersonKeysConfiguration {

    @Bean(destroyMethod = "close")
    PersonKeyRing personKeyRing(KafkaProperties kafka) {
        return PersonKeyRing.start(kafka.buildConsumerProperties(), Duration.ofSeconds(10));
    }

    @Bean
    PersonalData personalData(PersonKeyRing keys) {
        return new PersonalData(keys);
    }
}
