package io.leadloop.intake.privacy;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import io.leadloop.intake.IntakeProperties;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.privacy.PersonKeyRing;
import io.leadloop.security.privacy.PersonKeyReaderLifecycle;
import io.leadloop.security.privacy.PersonKeyRingMetrics;

/** The person keys this instance reads, and the privacy topics intake writes. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean(destroyMethod = "close")
    PersonKeyRing personKeyRing(KafkaProperties kafka, PrivacyProperties privacy) {
        return PersonKeyRing.start(kafka.buildConsumerProperties(), privacy.keyLookupWait(),
                privacy.keyFetchWait());
    }

    /** Pauses the reader with the context (Spring pauses cached test contexts); the destroy method ends it. */
    @Bean
    PersonKeyReaderLifecycle personKeyReaderLifecycle(PersonKeyRing personKeyRing) {
        return new PersonKeyReaderLifecycle(personKeyRing);
    }

    /** The reader's misses and their waits in the service's metrics (see {@link PersonKeyRingMetrics}). */
    @Bean
    PersonKeyRingMetrics personKeyRingMetrics(PersonKeyRing personKeyRing) {
        return new PersonKeyRingMetrics(personKeyRing);
    }

    /**
     * Compacted; a shredded key's tombstone goes after {@code keysDeleteRetention}, and the segment rolls and
     * the cleaner runs within {@code keysMaxCompactionLag}, so the key itself does not linger in the log for the
     * default week of an active segment. Two in-sync replicas where there are three (the doc's production setting).
     */
    @Bean
    NewTopic personKeysTopic(IntakeProperties intake, PrivacyProperties privacy) {
        short replicas = intake.topics().replicationFactor();
        return TopicBuilder.name(Topics.PERSON_KEYS.name()).partitions(intake.topics().partitions()).replicas(replicas)
                .compact()
                .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(privacy.keysDeleteRetention().toMillis()))
                .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, Long.toString(privacy.keysMaxCompactionLag().toMillis()))
                .config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(privacy.keysMaxCompactionLag().toMillis()))
                .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.min(2, replicas)))
                .build();
    }

    /** The erasure log: kept like the lead topics it speaks about (it names leads, no personal data). */
    @Bean
    NewTopic personsErasedTopic(IntakeProperties intake) {
        return TopicBuilder.name(Topics.PERSONS_ERASED.name()).partitions(intake.topics().partitions())
                .replicas(intake.topics().replicationFactor())
                .configs(io.leadloop.schemas.TopicRetention.configsFor(Topics.PERSONS_ERASED.name()))
                .build();
    }
}
