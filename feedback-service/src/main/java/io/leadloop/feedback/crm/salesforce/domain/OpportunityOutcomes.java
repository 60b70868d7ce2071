package io.leadloop.feedback.crm.salesforce.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.leadloop.feedback.recording.domain.FeedbackForm;
import io.leadloop.feedback.recording.domain.Outcome;

/**
 * What an Opportunity notification means for LeadLoop: its {@code StageName} mapped to an outcome, its
 * {@code Amount}, the lead id from the configured custom field and {@code occurredAt} from
 * {@code LastModifiedDate}.
 */
public final class OpportunityOutcomes {

    private final Map<String, Outcome> stageOutcomes;
    private final String leadIdField;
    private final String defaultCurrency;

    /**
     * @param stageOutcomes {@code StageName} → outcome; other stages are not outcomes
     * @param leadIdField the Opportunity field that carries our lead id, e.g. {@code LeadLoop_Lead_Id__c}
     * @param defaultCurrency the org's currency, for orgs without multi-currency (no {@code CurrencyIsoCode})
     */
    public OpportunityOutcomes(Map<String, Outcome> stageOutcomes, String leadIdField, String defaultCurrency) {
        this.stageOutcomes = Map.copyOf(stageOutcomes);
        this.leadIdField = Objects.requireNonNull(leadIdField, "leadIdField");
        this.defaultCurrency = defaultCurrency;
    }

    /** The feedback in the notification, or why there is none. */
    public Reading read(OutboundMessage.Notification notification) {
        Map<String, String> fields = notification.fields();
        String stage = fields.get("StageName");
        Outcome outcome = stage == null ? null : stageOutcomes.get(stage);
        if (outcome == null) {
            return Reading.skipped("stage " + stage + " is not mapped to an outcome");
        }
        String leadId = fields.get(leadIdField);
        if (leadId == null || leadId.isBlank()) {
            return Reading.skipped("the opportunity has no " + leadIdField);
        }
        String occurredAt = occurredAt(fields.get("LastModifiedDate"));
        BigDecimal amount = amount(fields.get("Amount"));
        String currency = amount == null ? null : fields.getOrDefault("CurrencyIsoCode", defaultCurrency);
        return new Reading(leadId.strip(), new FeedbackForm(outcome.name(), null, amount, currency, null,
                occurredAt), null);
    }

    /** Salesforce sends {@code 120000.0}; we keep at most 2 decimals, so trailing zeros go. */
    private static BigDecimal amount(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            return amount.scale() > 2 ? amount.stripTrailingZeros() : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code LastModifiedDate} is an xsd:dateTime, e.g. {@code 2026-11-23T10:15:30.000Z}; absent → now. */
    private static String occurredAt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip()).toString();
        } catch (DateTimeParseException notUtc) {
            try {
                return java.time.OffsetDateTime.parse(value.strip()).toInstant().toString();
            } catch (DateTimeParseException e) {
                return value.strip();
            }
        }
    }

    /**
     * @param leadId null when skipped
     * @param form the feedback to record, null when skipped
     * @param skipped why nothing is recorded, null otherwise
     */
    public record Reading(String leadId, FeedbackForm form, String skipped) {

        static Reading skipped(String why) {
            return new Reading(null, null, why);
        }

        public Optional<FeedbackForm> feedback() {
            return Optional.ofNullable(form);
        }
    }
}
