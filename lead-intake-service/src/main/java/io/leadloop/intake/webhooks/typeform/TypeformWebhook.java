package io.leadloop.intake.webhooks.typeform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.leadloop.intake.webhooks.WebhookCall;
import io.leadloop.intake.webhooks.WebhookIntake;
import io.leadloop.intake.webhooks.WebhookJson;
import io.leadloop.intake.webhooks.WebhookReceiver;

/**
 * Typeform webhooks: the signature is checked over the raw body before anything is parsed; the response's
 * {@code token} names the delivery, so a redelivery is a repeat. Typeform retries only 408, 423, 429 and 503, which
 * is why a transient Kafka fault answers 503 (never 500); a 4xx (invalid lead, bad signature) is final.
 */
@Component
class TypeformWebhook implements WebhookReceiver {

    static final String TYPE = "typeform";

    private final WebhookIntake intake;

    TypeformWebhook(WebhookIntake intake) {
        this.intake = intake;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CompletableFuture<ResponseEntity<Object>> receive(WebhookCall call) {
        TypeformSignature.verify(call.settings().validSecrets(), call.body(), call.header(TypeformSignature.HEADER));
        TypeformResponse response = TypeformResponse.parse(WebhookJson.parse(call.body()));
        if (!response.isCompleted()) {
            // e.g. partial responses: acknowledged, so Typeform does not keep sending them, but not a lead.
            intake.skipped(call, "not-a-completed-response");
            return CompletableFuture.completedFuture(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("skipped", "event_type " + response.eventType() + " is not a completed response")));
        }
        return intake.capture(call, TypeformMapping.toSubmission(response, call.settings()),
                        Optional.of(response.token()), Optional.of(response.token()), false)
                .thenApply(result -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of(
                        "leadId", result.leadId(), "touch", result.touch(), "repeat", result.repeat())));
    }
}
