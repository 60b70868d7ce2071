package io.leadloop.intake.webhooks.meta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.leadloop.intake.fetching.FetchedLead;
import io.leadloop.intake.fetching.LeadFetchFailedException;
import io.leadloop.intake.fetching.LeadFetcher;
import io.leadloop.intake.fetching.LeadNotification;
import io.leadloop.intake.fetching.PlatformApi;
import io.leadloop.intake.fetching.PlatformRefusedException;
import io.leadloop.intake.sources.Signatures;
import io.leadloop.intake.sources.SourceSettings;

/**
 * Fetches a Meta lead: {@code GET {apiBaseUrl}/{leadgen_id}?access_token=...&fields=...} on the Graph API, with
 * {@code appsecret_proof} (HMAC-SHA256 of the token with the app secret) when the source has its app secret, as
 * Meta recommends for server calls.
 */
@Component
class MetaLeadFetcher implements LeadFetcher {

    static final String PLATFORM = "meta";
    static final String DEFAULT_API_BASE_URL = "https://graph.facebook.com/v23.0";
    static final String FIELDS = "id,created_time,ad_id,adset_id,campaign_id,form_id,field_data";

    /** Meta's standard lead form questions; custom questions keep their names as attributes unless configured. */
    static final Map<String, String> DEFAULT_MAPPING = Map.ofEntries(
            Map.entry("email", "email"),
            Map.entry("work_email", "email"),
            Map.entry("phone_number", "phone"),
            Map.entry("work_phone_number", "phone"),
            Map.entry("full_name", "fullName"),
            Map.entry("first_name", "firstName"),
            Map.entry("last_name", "lastName"),
            Map.entry("company_name", "company.name"),
            Map.entry("job_title", "jobTitle"));

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public String channel() {
        return "meta-lead-ads";
    }

    @Override
    public Map<String, String> defaultFieldMapping() {
        return DEFAULT_MAPPING;
    }

    @Override
    public FetchedLead fetch(LeadNotification notification, SourceSettings source, PlatformApi api) {
        if (source.accessToken() == null || source.accessToken().isBlank()) {
            throw new LeadFetchFailedException("Source " + notification.source() + " has no accessToken");
        }
        var query = new LinkedHashMap<String, String>();
        query.put("access_token", source.accessToken());
        if (source.secret() != null && !source.secret().isBlank()) {
            query.put("appsecret_proof", Signatures.hmacSha256Hex(source.secret(),
                    source.accessToken().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        query.put("fields", FIELDS);
        String baseUrl = source.apiBaseUrl() == null || source.apiBaseUrl().isBlank() ? DEFAULT_API_BASE_URL
                : source.apiBaseUrl();
        try {
            return MetaGraphLead.parse(api.get(baseUrl, List.of(notification.leadId()), query, Map.of()));
        } catch (PlatformRefusedException refused) {
            if (MetaGraphLead.isTransientError(refused.body())) {
                // Not chained: the refusal as cause would classify the failure as not retryable.
                throw new LeadFetchFailedException(refused.getMessage());
            }
            throw refused;
        }
    }
}
