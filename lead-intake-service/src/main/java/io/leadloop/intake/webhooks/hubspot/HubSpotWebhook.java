package io.leadloop.intake.webhooks.hubspot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.leadloop.intake.lead.InvalidLeadException;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.webhooks.MalformedPayloadException;
import io.leadloop.intake.webhooks.WebhookCall;
import io.leadloop.intake.webhooks.WebhookIntake;
import io.leadloop.intake.webhooks.WebhookJson;
import io.leadloop.intake.webhooks.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot: a webhook batch (contact events) or a v3-shaped form submission, both signed with the v3 signature.
 *
 * <p>HubSpot retries a whole batch on any non-2xx, for up to a day. So an event that cannot become a lead (HubSpot's
 * own {@code contact.creation} carries only the contact id, no email or phone; other objects' events are not
 * leads) is acknowledged and reported as skipped rather than failing the batch; only a transient fault (Kafka
 * unavailable: 503) fails it, and on the retry the events taken before are recognised as repeats. Events are taken
 * one after another, so two events of one contact in a batch are one lead.
 */
@Component
class HubSpotWebhook implements WebhookReceiver {

    static final String TYPE = "hubspot";

    private final WebhookIntake intake;
    private final Clock clock;

    HubSpotWebhook(WebhookIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CompletableFuture<ResponseEntity<Object>> receive(WebhookCall call) {
        HubSpotSignature.verify(call.settings().validSecrets(), call.method(), call.url(), call.body(),
                call.header(HubSpotSignature.SIGNATURE_HEADER), call.header(HubSpotSignature.TIMESTAMP_HEADER),
                call.settings().maxSignatureAge(), clock);
        JsonNode body = WebhookJson.parse(call.body());
        if (HubSpotFormSubmission.matches(body)) {
            return formSubmission(call, HubSpotFormSubmission.parse(body));
        }
        if (HubSpotEvent.matches(body)) {
            return batch(call, HubSpotEvent.parseBatch(body));
        }
        throw MalformedPayloadException.unexpected("",
                "Expected a batch of HubSpot webhook events (a JSON array) or a form submission with fields");
    }

    private CompletableFuture<ResponseEntity<Object>> formSubmission(WebhookCall call, HubSpotFormSubmission form) {
        Optional<String> id = form.deliveryId();
        return intake.capture(call, HubSpotMapping.toSubmission(form, call.settings()), id, id, false)
                .thenApply(result -> json(Map.of("leadId", result.leadId(), "touch", result.touch(),
                        "repeat", result.repeat())));
    }

    private CompletableFuture<ResponseEntity<Object>> batch(WebhookCall call, List<HubSpotEvent> events) {
        var accepted = new ArrayList<Accepted>();
        var skipped = new ArrayList<Skipped>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (HubSpotEvent event : events) {
            chain = chain.thenCompose(previous -> take(call, event, accepted, skipped));
        }
        return chain.thenApply(done -> json(new BatchAnswer(accepted, skipped)));
    }

    private CompletableFuture<Void> take(WebhookCall call, HubSpotEvent event, List<Accepted> accepted,
            List<Skipped> skipped) {
        if (!event.isAboutAContact() || event.objectId() == null) {
            return skip(call, event, "not-a-contact-event", "only contact events become leads", skipped);
        }
        LeadSubmission lead = HubSpotMapping.toSubmission(event, call.settings());
        if (lead.email() == null && lead.phone() == null) {
            return skip(call, event, "no-contact-details",
                    "the event carries neither email nor phone of contact " + event.objectId(), skipped);
        }
        try {
            return intake.capture(call, lead, Optional.of(event.deliveryId()), Optional.of(event.objectId()), false)
                    .thenAccept(result -> accepted.add(new Accepted(event.eventId(), event.objectId(),
                            result.leadId(), result.repeat())));
        } catch (InvalidLeadException invalid) {
            return skip(call, event, "invalid", invalid.problems().stream()
                    .map(p -> p.pointer() + " " + p.detail()).reduce((a, b) -> a + "; " + b).orElse("invalid"),
                    skipped);
        }
    }

    private CompletableFuture<Void> skip(WebhookCall call, HubSpotEvent event, String reason, String detail,
            List<Skipped> skipped) {
        intake.skipped(call, reason);
        skipped.add(new Skipped(event.eventId(), event.objectId(), event.subscriptionType(), reason, detail));
        return CompletableFuture.completedFuture(null);
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The answer to a batch: what became a lead (or was one already), and what was acknowledged but not taken. */
    record BatchAnswer(List<Accepted> accepted, List<Skipped> skipped) {
    }

    record Accepted(String eventId, String objectId, String leadId, boolean repeat) {
    }

    record Skipped(String eventId, String objectId, String subscriptionType, String reason, String detail) {
    }
}
