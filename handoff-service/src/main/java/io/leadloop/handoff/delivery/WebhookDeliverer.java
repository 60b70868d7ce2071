package io.leadloop.handoff.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.leadloop.events.LeadHandedOff;

/**
 * Delivers one handoff: {@code POST} of its JSON, signed, with {@code X-LeadLoop-Event-Id} (de-duplicate by it)
 * and {@code X-LeadLoop-Lead-Id}; a {@code 2xx} is delivered; {@code 408}, {@code 425}, {@code 429}, {@code 5xx}
 * and network errors are retried on {@link RetrySchedule} (honouring {@code Retry-After}); any other status is
 * permanent. Blocks the calling thread while it waits, which is what keeps per-lead order.
 */
final class WebhookDeliverer {

    static final String EVENT_ID_HEADER = "X-LeadLoop-Event-Id";
    static final String LEAD_ID_HEADER = "X-LeadLoop-Lead-Id";

    /** Waits between attempts; a seam so tests record waits instead of spending them. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** How a delivery ended. */
    record Result(boolean delivered, int attempts, String lastProblem) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final DeliveryProperties properties;
    private final RetrySchedule schedule;
    private final WebhookSigner signer;
    private final HttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;

    WebhookDeliverer(DeliveryProperties properties, Clock clock, Sleeper sleeper) {
        this.properties = properties;
        this.schedule = properties.schedule();
        this.signer = new WebhookSigner(properties.secret());
        this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).build();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Result deliver(LeadHandedOff handoff) throws InterruptedException {
        byte[] body = HandoffJson.toJson(handoff);
        int attempts = 0;
        while (true) {
            attempts++;
            Attempt attempt = attempt(handoff, body);
            if (attempt.delivered()) {
                return new Result(true, attempts, null);
            }
            if (!attempt.retryable() || !schedule.mayRetry(attempts)) {
                log.warn("Handoff {} not delivered after {} attempt(s): {}", handoff.getEventId(), attempts,
                        attempt.problem());
                return new Result(false, attempts, attempt.problem());
            }
            Duration wait = schedule.delayAfter(attempts, attempt.retryAfter());
            log.info("Handoff {} attempt {} failed ({}); retrying in {}", handoff.getEventId(), attempts,
                    attempt.problem(), wait);
            sleeper.sleep(wait);
        }
    }

    private record Attempt(boolean delivered, boolean retryable, Optional<Duration> retryAfter, String problem) {
    }

    private Attempt attempt(LeadHandedOff handoff, byte[] body) throws InterruptedException {
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(properties.url())
                .timeout(properties.requestTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signer.sign(now, body))
                .header(EVENT_ID_HEADER, handoff.getEventId())
                .header(LEAD_ID_HEADER, handoff.getLeadId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(true, false, Optional.empty(), null);
            }
            boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
            Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                    .flatMap(value -> retryAfter(value, clock.instant()));
            return new Attempt(false, retryable, retryAfter, "HTTP " + status);
        } catch (IOException unreachable) {
            return new Attempt(false, true, Optional.empty(), unreachable.toString());
        }
    }

    /** Delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(now, at));
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }
}
