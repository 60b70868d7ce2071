package io.leadloop.intake.webhooks;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;

/**
 * The adapter for one kind of platform ({@link io.leadloop.intake.sources.SourceSettings#type()}): checks that a
 * delivery is authentic, maps it to our lead and answers the way that platform expects. Every platform posts to
 * the same {@code /webhooks/{source}}; the source's configured type picks the receiver.
 *
 * <p>Refusals are exceptions the problem handlers turn into problem details:
 * {@link io.leadloop.intake.sources.UnauthenticDeliveryException} (401), {@link MalformedPayloadException} (400),
 * {@link io.leadloop.intake.lead.InvalidLeadException} (400), and Kafka being unavailable (503 + Retry-After).
 */
public interface WebhookReceiver {

    /** The source type this receiver serves, e.g. {@code google-ads}. */
    String type();

    /** Completes with the answer once every lead of the delivery is durable (or recognised as a repeat). */
    CompletableFuture<ResponseEntity<Object>> receive(WebhookCall call);
}
