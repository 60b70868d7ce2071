package io.leadloop.intake.webhooks.meta;

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
 * Meta Lead Ads webhooks: the subscription handshake, and leadgen notifications that are verified, queued for
 * fetching (acks=all) and only then answered 200. The lead's answers are not in the notification; they are
 * fetched from the Graph API later, from Kafka, so a Graph API outage never costs a lead or a failed webhook.
 */
@Component
class MetaWebhook {

    private final Sources sources;
    private final FetchQueue queue;
    private final Clock clock;
    private final MeterRegistry meters;

    MetaWebhook(Sources sources, FetchQueue queue, Clock clock, MeterRegistry meters) {
        this.sources = sources;
        this.queue = queue;
        this.clock = clock;
        this.meters = meters;
    }

    ServerResponse verifySubscription(ServerRequest request) {
        String name = WebhookRoutes.sourceName(request).orElseThrow();
        SourceSettings source = sources.require(name, MetaLeadFetcher.PLATFORM);
        var answer = MetaHandshake.answer(source.verifyToken(), request.param("hub.mode").orElse(null),
                request.param("hub.verify_token").orElse(null), request.param("hub.challenge").orElse(null));
        return switch (answer) {
            case MetaHandshake.Echo echo -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN)
                    .header("X-Content-Type-Options", "nosniff").body(echo.challenge());
            case MetaHandshake.Refusal refusal -> WebhookRoutes.problem(
                    refusal.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST, "webhook-verification-failed",
                    "Webhook verification failed", refusal.detail(), refusal.parameter());
        };
    }

    ServerResponse receive(ServerRequest request) throws Exception {
        String name = WebhookRoutes.sourceName(request).orElseThrow();
        SourceSettings source = sources.require(name, MetaLeadFetcher.PLATFORM);
        byte[] body = request.body(byte[].class);
        String signature = request.headers().firstHeader(MetaSignature.HEADER);
        if (signature == null) {
            throw new UnauthenticDeliveryException(MetaSignature.HEADER + " header is missing");
        }
        if (!MetaSignature.verifies(source.validSecrets(), body, signature)) {
            throw new UnauthenticDeliveryException(MetaSignature.HEADER
                    + " is not the HMAC-SHA256 of the body with this source's app secret");
        }
        MetaLeadgenBatch batch;
        try {
            batch = MetaLeadgenBatch.parse(body);
        } catch (MalformedNotificationException e) {
            return WebhookRoutes.problem(HttpStatus.BAD_REQUEST, "malformed-notification", "Malformed notification",
                    e.getMessage(), e.pointer());
        }
        Instant receivedAt = clock.instant();
        queue.enqueue(batch.leads().stream().map(lead -> lead.toNotification(name, receivedAt)).toList());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .body(batch.receipt().countedIn(meters, name, MetaLeadFetcher.PLATFORM));
    }
}
