package io.leadloop.feedback.crm.hubspot;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadloop.feedback.recording.domain.Outcome;

/**
 * The HubSpot webhook, under {@code leadloop.feedback.crm.hubspot}.
 *
 * @param clientSecret the app's client secret that signs every request (from the environment,
 *        {@code LEADLOOP_FEEDBACK_CRM_HUBSPOT_CLIENT_SECRET}); without it every delivery is refused with {@code 401}
 * @param maxRequestAge how old {@code X-HubSpot-Request-Timestamp} may be (HubSpot: five minutes)
 * @param webhookUrl the URL exactly as configured in HubSpot, which is what HubSpot signs; when unset, the URL of the
 *        request as this server sees it (set it, or {@code server.forward-headers-strategy}, behind a proxy)
 * @param stageOutcomes deal stage id (the internal id: {@code closedwon}, or an opaque id in custom pipelines) →
 *        outcome; when unset, HubSpot's default pipeline ({@code closedwon} → WON, {@code closedlost} → LOST)
 * @param leadIdProperty the deal property in which the CRM integration stores our lead id
 * @param amountProperty the deal property with the deal's value (subscribe to its changes: a stage change carries
 *        no amount)
 * @param currencyProperty the deal property with the value's currency
 * @param currency the currency of deals whose currency property was never seen
 */
@ConfigurationProperties("leadloop.feedback.crm.hubspot")
record HubSpotProperties(
        String clientSecret,
        @DefaultValue("5m") Duration maxRequestAge,
        URI webhookUrl,
        Map<String, Outcome> stageOutcomes,
        @DefaultValue("leadloop_lead_id") String leadIdProperty,
        @DefaultValue("amount") String amountProperty,
        @DefaultValue("deal_currency_code") String currencyProperty,
        @DefaultValue("USD") String currency) {

    Map<String, Outcome> stageOutcomesOrDefault() {
        return stageOutcomes == null || stageOutcomes.isEmpty()
                ? Map.of("closedwon", Outcome.WON, "closedlost", Outcome.LOST)
                : stageOutcomes;
    }
}
