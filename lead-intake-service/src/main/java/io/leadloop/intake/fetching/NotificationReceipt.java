package io.leadloop.intake.fetching;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a webhook answers (200) once the leads of a notification are queued for fetching.
 *
 * @param queued distinct leads put on the fetch queue
 * @param duplicates further mentions of a lead already in the same notification (Meta's batches repeat leads)
 * @param skipped entries that were not lead notifications or lacked what a lead needs (a change without value,
 *     an id that is not one): acknowledged so the platform does not retry them forever, and counted
 * @param deleted notifications that a lead was deleted (LinkedIn): acknowledged, never turned into a lead
 */
public record NotificationReceipt(int queued, int duplicates, int skipped, int deleted) {

    /** Counts the receipt in {@code leadloop.intake.notifications{source, platform, outcome}}. */
    public NotificationReceipt countedIn(MeterRegistry meters, String source, String platform) {
        count(meters, source, platform, "queued", queued);
        count(meters, source, platform, "duplicate", duplicates);
        count(meters, source, platform, "skipped", skipped);
        count(meters, source, platform, "deleted", deleted);
        return this;
    }

    private static void count(MeterRegistry meters, String source, String platform, String outcome, int amount) {
        if (amount > 0) {
            meters.counter("leadloop.intake.notifications", "source", source, "platform", platform, "outcome", outcome)
                    .increment(amount);
        }
    }
}
