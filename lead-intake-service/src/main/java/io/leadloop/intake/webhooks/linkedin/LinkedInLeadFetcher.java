package io.leadloop.intake.webhooks.linkedin;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.leadloop.intake.fetching.FetchedLead;
import io.leadloop.intake.fetching.LeadFetchFailedException;
import io.leadloop.intake.fetching.LeadFetcher;
import io.leadloop.intake.fetching.LeadNotification;
import io.leadloop.intake.fetching.PlatformApi;
import io.leadloop.intake.sources.SourceSettings;

/**
 * Fetches a LinkedIn lead: {@code GET {apiBaseUrl}/leadFormResponses/{id}} with the source's access token as
 * Bearer, the configured {@code LinkedIn-Version} and Rest.li protocol 2.0.0.
 */
@Component
class LinkedInLeadFetcher implements LeadFetcher {

    static final String PLATFORM = "linkedin";
    static final String DEFAULT_API_BASE_URL = "https://api.linkedin.com/rest";

    private final LinkedInProperties properties;

    LinkedInLeadFetcher(LinkedInProperties properties) {
        this.properties = properties;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public String channel() {
        return "linkedin-lead-gen";
    }

    /** None: LinkedIn answers carry question ids, which differ per form; each source maps its own. */
    @Override
    public Map<String, String> defaultFieldMapping() {
        return Map.of();
    }

    @Override
    public FetchedLead fetch(LeadNotification notification, SourceSettings source, PlatformApi api) {
        if (source.accessToken() == null || source.accessToken().isBlank()) {
            throw new LeadFetchFailedException("Source " + notification.source() + " has no accessToken");
        }
        String baseUrl = source.apiBaseUrl() == null || source.apiBaseUrl().isBlank() ? DEFAULT_API_BASE_URL
                : source.apiBaseUrl();
        return LinkedInLeadFormResponse.parse(api.get(baseUrl, List.of("leadFormResponses", notification.leadId()),
                Map.of(), Map.of(
                        "Authorization", "Bearer " + source.accessToken(),
                        "LinkedIn-Version", properties.apiVersion(),
                        "X-Restli-Protocol-Version", "2.0.0")));
    }
}
