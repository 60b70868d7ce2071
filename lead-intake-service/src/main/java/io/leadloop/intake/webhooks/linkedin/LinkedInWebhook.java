package io.leadloop.intake.webhooks.linkedin;

import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.leadloop.intake.fetching.FetchQueue;
import io.leadloop.intake.fetching.MalformedNotificationException;
import io.leadloop.intake.fetching.WebhookRoutes;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.sources.Sources;
import io.leadloop.intake.sources.UnauthenticDeliveryException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * LinkedIn Lead Sync webhooks: the validation challenge (LinkedIn re-validates every 2 hours and blocks the
 * endpoint after 3 failures, so it must answer within 3 s and never depends on Kafka), and lead notifications that
 * are verified, queued for fetching (acks=all) and only then answered 200.
 */
@Component
class LinkedInWebhook {

    private final Sources sources;
    private final FetchQueue queue;
    private final Clock clock;
    private final MeterRegistry meters;

    LinkedInWebhook(Sources sources, FetchQueue queue, Clock clock, MeterRegistry meters) {
        this.sources = sources;
        this.queue = queue;
        this.clock = clock;
        this.meters = meters;
    }

    ServerResponse validate(ServerRequest request) {
        String name = WebhookRoutes.sourceName(request).orElseThrow();
        SourceSettings source = sources.require(name, LinkedInLeadFetcher.PLATFORM);
        String challengeCode = request.param("challengeCode").orElse("");
        if (challengeCode.isBlank() || challengeCode.length() > 200) {
            return WebhookRoutes.problem(HttpStatus.BAD_REQUEST, "webhook-verification-failed",
                    "Webhook verification failed", "challengeCode is required (at most 200 characters)",
                    "challengeCode");
        }
        if (source.secret() == null || source.secret().isBlank()) {
            return WebhookRoutes.problem(HttpStatus.FORBIDDEN, "webhook-verification-failed",
                    "Webhook verification failed", "this source has no client secret configured", "challengeCode");
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(new Challenge(challengeCode,
                LinkedInSignature.challengeResponse(source.secret(), challengeCode)));
    }

    ServerResponse receive(ServerRequest request) throws Exception {
        String name = WebhookRoutes.sourceName(request).orElseThrow();
        SourceSettings source = sources.require(name, LinkedInLeadFetcher.PLATFORM);
        byte[] body = request.body(byte[].class);
        String signature = request.headers().firstHeader(LinkedInSignature.HEADER);
        if (signature == null) {
            throw new UnauthenticDeliveryException(LinkedInSignature.HEADER + " header is missing");
        }
        if (!LinkedInSignature.verifies(source.validSecrets(), body, signature)) {
            throw new UnauthenticDeliveryException(LinkedInSignature.HEADER
                    + " is not the HMAC-SHA256 of the body with this source's client secret");
        }
        LinkedInLeadNotifications notifications;
        try {
            notifications = LinkedInLeadNotifications.parse(body);
        } catch (MalformedNotificationException e) {
            return WebhookRoutes.problem(HttpStatus.BAD_REQUEST, "malformed-notification", "Malformed notification",
                    e.getMessage(), e.pointer());
        }
        Instant receivedAt = clock.instant();
        queue.enqueue(notifications.leads().stream().map(lead -> lead.toNotification(name, receivedAt)).toList());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .body(notifications.receipt().countedIn(meters, name, LinkedInLeadFetcher.PLATFORM));
    }

    /** LinkedIn's expected validation answer. */
    record Challenge(String challengeCode, String challengeResponse) {
    }
}
