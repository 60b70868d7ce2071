package io.leadloop.feedback.crm.salesforce;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.leadloop.feedback.recording.domain.Outcome;

/**
 * Salesforce outbound messages, under {@code leadloop.feedback.crm.salesforce}.
 *
 * @param organizationId the org whose messages we accept (outbound messages are not signed; the org id, HTTPS and
 *        the network are what authenticate them); without it every message is refused
 * @param stageOutcomes Opportunity {@code StageName} → outcome; when unset {@code Closed Won} → WON,
 *        {@code Closed Lost} → LOST (YAML keys with spaces need brackets: {@code "[Closed Won]": WON})
 * @param leadIdField the Opportunity field with our lead id
 * @param currency the org's currency for amounts, unless the message carries {@code CurrencyIsoCode}
 */
@ConfigurationProperties("leadloop.feedback.crm.salesforce")
record SalesforceProperties(
        String organizationId,
        Map<String, Outcome> stageOutcomes,
        @DefaultValue("LeadLoop_Lead_Id__c") String leadIdField,
        @DefaultValue("USD") String currency) {

    Map<String, Outcome> stageOutcomesOrDefault() {
        return stageOutcomes == null || stageOutcomes.isEmpty()
                ? Map.of("Closed Won", Outcome.WON, "Closed Lost", Outcome.LOST)
                : stageOutcomes;
    }
}
