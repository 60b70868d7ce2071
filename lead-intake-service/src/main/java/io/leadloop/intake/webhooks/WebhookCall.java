package io.leadloop.intake.webhooks;

import java.util.Objects;

import org.springframework.http.HttpHeaders;

import io.leadloop.intake.sources.SourceSettings;

/**
 * One webhook request as it arrived, before anything was parsed: signatures are computed over exactly these bytes
 * (and, for HubSpot, this method and URL), so nothing may be re-serialised on the way.
 *
 * @param sourceName the configured source it was posted to ({@code /webhooks/{source}})
 * @param settings that source's configuration
 * @param method the HTTP method as sent
 * @param url the full URL the sender called (scheme, host, port, path and query), as the servlet container saw it
 * @param headers the request headers (case-insensitive)
 * @param body the raw body, byte for byte
 */
public record WebhookCall(String sourceName, SourceSettings settings, String method, String url, HttpHeaders headers,
        byte[] body) {

    public WebhookCall {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(settings, "settings");
        headers = headers == null ? new HttpHeaders() : headers;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of the header (any case), or null. */
    public String header(String name) {
        return headers.getFirst(name);
    }
}
