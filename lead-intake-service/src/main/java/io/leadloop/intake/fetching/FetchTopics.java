package io.leadloop.intake.fetching;

/**
 * Intake-internal topics of the notification-then-fetch sources. Not in {@code io.leadloop.schemas.Topics}: no
 * other service reads them, and their values are intake's own small JSON, not a published event.
 */
public final class FetchTopics {

    /**
     * One record per lead a platform told us about and that still has to be fetched; key = the platform's lead id.
     * Spring Kafka's non-blocking retries add {@code <name>-retry-<n>} and {@code <name>-dlt} next to it.
     */
    public static final String LEAD_NOTIFICATIONS = "intake.lead-notifications.v1";

    /** The consumer group that fetches notified leads and captures them. */
    public static final String FETCH_GROUP = "leadloop-intake-fetch";

    private FetchTopics() {
    }
}
