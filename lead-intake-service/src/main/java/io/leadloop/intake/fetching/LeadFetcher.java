package io.leadloop.intake.fetching;

import java.util.Map;

import io.leadloop.intake.sources.SourceSettings;

/**
 * Fetches a notified lead from one platform's API. One implementation per platform, next to its webhook; the
 * durable queue, retries and capture around it are shared.
 */
public interface LeadFetcher {

    /** The source type whose notifications this fetches ({@code meta}, {@code linkedin}). */
    String platform();

    /** Our channel name on the lead ({@code meta-lead-ads}, {@code linkedin-lead-gen}). */
    String channel();

    /** The mapping of the platform's standard fields to ours; a source's configured fieldMapping wins over it. */
    Map<String, String> defaultFieldMapping();

    /**
     * The lead, fetched through {@code api} from the source's configured API only.
     *
     * @throws LeadFetchFailedException when it may work later (retried from Kafka)
     * @throws LeadNotFetchableException when it never will (parked on the dead-letter topic)
     */
    FetchedLead fetch(LeadNotification notification, SourceSettings source, PlatformApi api);
}
