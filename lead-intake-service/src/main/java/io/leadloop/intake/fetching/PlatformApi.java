package io.leadloop.intake.fetching;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Calls a platform's API at the source's configured base URL, and nowhere else: the URL is built from the base
 * and path segments that must look like ids (never a URL or path taken from a payload), redirects are not followed,
 * and the result is checked to be on the base's scheme, host and port.
 *
 * <p>Retries a few times within the call (5xx, 408, 429 honouring Retry-After, network errors and timeouts) so a
 * blip does not cost a minutes-long retry from Kafka; what keeps failing is left to those retries.
 */
@Component
public class PlatformApi implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlatformApi.class);

    /** What a lead id (or other id) in a path may look like: no slashes, no dots-only segments, no query. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,199}");

    private final FetchProperties.Http settings;
    private final HttpClient http;
    private final Clock clock;

    @Autowired
    public PlatformApi(FetchProperties properties, Clock clock) {
        this(properties.http(), clock);
    }

    PlatformApi(FetchProperties.Http settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The body of a successful {@code GET base/segments...?query}.
     *
     * @param apiBaseUrl the source's configured base URL ({@code https://graph.facebook.com/v23.0})
     * @param segments path segments below the base; each must look like an id
     * @param query query parameters (encoded here; may carry a token, so the query is never logged)
     * @param headers request headers (may carry a token, never logged)
     * @throws LeadFetchFailedException when the platform failed in a way that may pass
     * @throws PlatformRefusedException when it said the lead cannot be had (400, 404, 410, ...)
     * @throws LeadNotFetchableException when an id or the base URL is unsafe
     */
    public String get(String apiBaseUrl, List<String> segments, Map<String, String> query, Map<String, String> headers) {
        URI uri = resolve(apiBaseUrl, segments, query);
        String shown = uri.getScheme() + "://" + uri.getAuthority() + uri.getRawPath();
        var request = HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        headers.forEach(request::header);
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration wait = backoff(attempt);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                failure = "HTTP " + status;
                if (status == 401 || status == 403) {
                    // A token that someone may renew: worth the slow retries from Kafka, not a fast one here.
                    throw new LeadFetchFailedException("GET " + shown + " refused: " + failure);
                }
                if (!transientStatus(status)) {
                    throw new PlatformRefusedException("GET " + shown + " answered " + failure + ": "
                            + abbreviate(response.body()), status, response.body() == null ? "" : response.body());
                }
                Optional<Duration> retryAfter = retryAfter(response.headers().firstValue("Retry-After"));
                if (retryAfter.isPresent()) {
                    wait = retryAfter.get();
                }
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LeadFetchFailedException("GET " + shown + " interrupted", e);
            }
            if (attempt >= settings.tries() || wait.compareTo(settings.maxBackoff()) > 0) {
                throw new LeadFetchFailedException("GET " + shown + " failed after " + attempt + " tr"
                        + (attempt == 1 ? "y" : "ies") + ": " + failure);
            }
            log.info("GET {} failed ({}), try {} of {} in {} ms", shown, failure, attempt + 1, settings.tries(),
                    wait.toMillis());
            pause(wait);
        }
    }

    /** The URL of {@code segments} below {@code apiBaseUrl}; refuses anything that would leave the base. */
    static URI resolve(String apiBaseUrl, List<String> segments, Map<String, String> query) {
        URI base = URI.create(Objects.requireNonNull(apiBaseUrl, "apiBaseUrl"));
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))
                || base.getRawQuery() != null || base.getRawFragment() != null || base.getRawUserInfo() != null) {
            throw new LeadNotFetchableException("apiBaseUrl must be an http(s) URL without query: " + apiBaseUrl);
        }
        var path = new StringBuilder(base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", ""));
        for (String segment : segments) {
            if (segment == null || !ID.matcher(segment).matches() || segment.chars().allMatch(c -> c == '.')) {
                throw new LeadNotFetchableException("Not an id the platform issues: '" + abbreviate(segment) + "'");
            }
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
        }
        var queryString = new StringJoiner("&");
        query.forEach((name, value) -> queryString.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path
                + (query.isEmpty() ? "" : "?" + queryString));
        if (!uri.getScheme().equals(base.getScheme()) || !uri.getHost().equalsIgnoreCase(base.getHost())
                || uri.getPort() != base.getPort() || !uri.getRawPath().startsWith(path.toString())) {
            throw new LeadNotFetchableException("Refusing a URL outside the configured API: " + uri.getHost());
        }
        return uri;
    }

    private Duration backoff(int attempt) {
        return settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 16));
    }

    /** Retry-After as delay seconds or an HTTP date. */
    Optional<Duration> retryAfter(Optional<String> header) {
        return header.map(String::strip).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration until = Duration.between(clock.instant(), at);
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static boolean transientStatus(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeadFetchFailedException("Interrupted while waiting to retry", e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }

    @Override
    public void destroy() {
        http.close();
    }

}
