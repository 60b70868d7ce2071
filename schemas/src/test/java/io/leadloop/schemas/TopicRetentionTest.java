package io.leadloop.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TopicRetentionTest {

    @Test
    void keepsLeadEventLogsTwoYears() {
        for (Topic<?> topic : new Topic<?>[] {Topics.LEADS_CAPTURED, Topics.LEADS_SCORED, Topics.LEADS_HANDED_OFF,
                Topics.FEEDBACK_RECORDED, Topics.PERSONS_ERASED}) {
            assertThat(TopicRetention.configsFor(topic.name())).as(topic.name())
                    .containsEntry("retention.ms", Long.toString(Duration.ofDays(730).toMillis()));
        }
    }

    @Test
    void keepsDeadLettersFourteenDaysAndNotificationsSeven() {
        assertThat(TopicRetention.configsFor(Topics.LEADS_CAPTURED.deadLetter()))
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(14).toMillis()));
        assertThat(TopicRetention.configsFor("intake.lead-notifications.v1-dlt"))
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(14).toMillis()));
        assertThat(TopicRetention.configsFor("intake.lead-notifications.v1"))
                .containsEntry("retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
    }

    @Test
    void leavesCompactedStateAndOtherTopicsToTheirDeclarations() {
        assertThat(TopicRetention.configsFor(Topics.HANDOFF_ROSTER.name())).isEmpty();
        assertThat(TopicRetention.configsFor(Topics.PERSON_KEYS.name())).isEmpty();
        assertThat(TopicRetention.configsFor(Topics.LEADS_SLA_REMINDERS.name())).isEmpty();
    }
}
