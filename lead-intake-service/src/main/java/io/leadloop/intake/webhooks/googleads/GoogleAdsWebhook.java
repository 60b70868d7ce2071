package io.leadloop.intake.webhooks.googleads;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.leadloop.intake.sources.Signatures;
import io.leadloop.intake.sources.UnauthenticDeliveryException;
import io.leadloop.intake.webhooks.WebhookCall;
import io.leadloop.intake.webhooks.WebhookIntake;
import io.leadloop.intake.webhooks.WebhookJson;
import io.leadloop.intake.webhooks.WebhookReceiver;

/**
 * Google Ads lead form webhooks. Google does not sign its deliveries: it echoes the key the advertiser set on the
 * form as {@code google_key} in the body, compared here in constant time with the source's secret (or, during
 * rotation, its previous one). Google expects 200 with an empty JSON object and retries anything else, so a
 * retried lead is recognised by its {@code lead_id} and answered the same way.
 */
@Component
class GoogleAdsWebhook implements WebhookReceiver {

    static final String TYPE = "google-ads";

    private final WebhookIntake intake;

    GoogleAdsWebhook(WebhookIntake intake) {
        this.intake = intake;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public CompletableFuture<ResponseEntity<Object>> receive(WebhookCall call) {
        GoogleAdsLead lead = GoogleAdsLead.parse(WebhookJson.parse(call.body()));
        authenticate(lead, call.settings().validSecrets());
        return intake.capture(call, GoogleAdsMapping.toSubmission(lead, call.settings()),
                        Optional.of(lead.leadId()), Optional.of(lead.leadId()), lead.test())
                .thenApply(result -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of()));
    }

    /** Fails closed: a source without a configured key takes nothing. */
    static void authenticate(GoogleAdsLead lead, java.util.List<String> secrets) {
        if (lead.googleKey() == null) {
            throw new UnauthenticDeliveryException("google_key is missing");
        }
        if (secrets.isEmpty() || !Signatures.matchesAny(secrets, secret -> secret, lead.googleKey())) {
            throw new UnauthenticDeliveryException("google_key does not match the key configured for this source");
        }
    }
}
