package io.leadloop.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics this service declares are created ({@code leadloop.topics.*}); the same keys in every service so
 * whichever starts first creates them alike.
 */
@ConfigurationProperties("leadloop.topics")
public record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
