package io.leadloop.schemas;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How long each topic keeps records, as {@code docs/security-and-privacy.md} ("Retention") decides: in one place,
 * because several services declare the same topic and whichever starts first creates it. Services pass
 * {@link #configsFor(String)} to the {@code NewTopic} of every topic they declare.
 *
 * <ul>
 * <li>Lead event logs (and the erasure log): 2 years. Learning, attribution and funnels are recomputed from them;
 * their personal fields are sealed, so erasure works by shredding the key, not by retention.</li>
 * <li>Dead-letter topics: 14 days — long enough for an operator to look and replay, short for personal data that
 * failed.</li>
 * <li>Intake's platform notifications: 7 days (platform lead ids only, fetched within minutes).</li>
 * <li>Compacted state topics (changelogs, definitions, roster, keys) are declared compacted where they are declared;
 * everything else keeps the broker's default.</li>
 * </ul>
 */
public final class TopicRetention {

    public static final Duration LEAD_EVENTS = Duration.ofDays(730);
    public static final Duration DEAD_LETTERS = Duration.ofDays(14);
    public static final Duration NOTIFICATIONS = Duration.ofDays(7);

    private static final Set<String> LEAD_EVENT_TOPICS = Set.of(Topics.LEADS_CAPTURED.name(),
            Topics.LEADS_SCORED.name(), Topics.LEADS_HANDED_OFF.name(), Topics.FEEDBACK_RECORDED.name(),
            Topics.PERSONS_ERASED.name(), Topics.LEADS_HANDOFF_WITHHELD.name());
    private static final String NOTIFICATIONS_TOPIC = "intake.lead-notifications.v1";

    private TopicRetention() {
    }

    /** The {@code retention.ms} config of the topic, or none where the broker default applies. */
    public static Map<String, String> configsFor(String topic) {
        if (topic.endsWith(Topic.DEAD_LETTER_SUFFIX) || topic.endsWith("-dlt")) {
            return retention(DEAD_LETTERS);
        }
        if (LEAD_EVENT_TOPICS.contains(topic)) {
            return retention(LEAD_EVENTS);
        }
        if (topic.equals(NOTIFICATIONS_TOPIC)) {
            return retention(NOTIFICATIONS);
        }
        return Map.of();
    }

    private static Map<String, String> retention(Duration duration) {
        return Map.of("retention.ms", Long.toString(duration.toMillis()));
    }
}
