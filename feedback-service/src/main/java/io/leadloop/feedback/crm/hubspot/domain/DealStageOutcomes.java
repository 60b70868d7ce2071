package io.leadloop.feedback.crm.hubspot.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.leadloop.feedback.recording.domain.Outcome;

/**
 * What a HubSpot batch means for LeadLoop: which deals it links to leads (a change of the deal property that holds
 * our lead id), which deal-stage changes are outcomes of which lead, and what each deal is worth. Plain rules, no
 * I/O: the caller supplies the links and deal properties already known.
 *
 * <p>A deal-stage change carries no amount: the amount is the deal's {@code amount} property (currency
 * {@code deal_currency_code}), learned from its own property changes. A win takes the deal's latest amount in the
 * batch, else the one remembered from earlier batches. When the amount only arrives after the win (HubSpot does
 * not order deliveries), the amount change itself records the win, for the deal's remembered stage; a later amount
 * change of a won deal corrects its revenue the same way (the funnel keeps the latest win's amount).
 */
public final class DealStageOutcomes {

    /** The deal's stage, remembered so that a later amount change knows whether the deal is won. */
    public static final String STAGE_PROPERTY = "dealstage";

    private final Map<String, Outcome> stageOutcomes;
    private final String leadIdProperty;
    private final String amountProperty;
    private final String currencyProperty;

    /**
     * @param stageOutcomes HubSpot's internal stage id (opaque in custom pipelines) → outcome; stages not listed are
     *        not outcomes
     * @param leadIdProperty the deal property that carries our lead id, e.g. {@code leadloop_lead_id}
     * @param amountProperty the deal property with its value, {@code amount}
     * @param currencyProperty the deal property with the amount's currency, {@code deal_currency_code}
     */
    public DealStageOutcomes(Map<String, Outcome> stageOutcomes, String leadIdProperty, String amountProperty,
            String currencyProperty) {
        this.stageOutcomes = Map.copyOf(stageOutcomes);
        this.leadIdProperty = Objects.requireNonNull(leadIdProperty, "leadIdProperty");
        this.amountProperty = Objects.requireNonNull(amountProperty, "amountProperty");
        this.currencyProperty = Objects.requireNonNull(currencyProperty, "currencyProperty");
    }

    public DealStageOutcomes(Map<String, Outcome> stageOutcomes, String leadIdProperty) {
        this(stageOutcomes, leadIdProperty, "amount", "deal_currency_code");
    }

    /** The deal properties worth remembering across batches. */
    public Set<String> rememberedProperties() {
        return Set.of(amountProperty, currencyProperty, STAGE_PROPERTY);
    }

    /** {@link #read(List, Function, BiFunction)} without remembered deal properties. */
    public Reading read(List<HubSpotEvent> batch, Function<Long, Optional<String>> knownLead) {
        return read(batch, knownLead, (deal, property) -> Optional.empty());
    }

    /**
     * Reads a batch in {@code occurredAt} order (HubSpot does not guarantee order, a link may come in the same
     * batch as the stage change it explains).
     *
     * @param knownLead the lead id already linked to a deal id, if any
     * @param knownProperty a deal property's value remembered from earlier batches, if any
     */
    public Reading read(List<HubSpotEvent> batch, Function<Long, Optional<String>> knownLead,
            BiFunction<Long, String, Optional<String>> knownProperty) {
        Map<Long, String> linkedNow = new HashMap<>();
        List<Link> links = new ArrayList<>();
        List<StageChange> changes = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<HubSpotEvent> ordered = batch.stream().sorted(Comparator.comparing(HubSpotEvent::occurredAt)).toList();

        // The deal's latest values in this batch: a property is the deal's state, whatever order it came in.
        Map<Long, Map<String, String>> latest = new HashMap<>();
        List<PropertyChange> properties = new ArrayList<>();
        Set<Long> stageChangedNow = new HashSet<>();
        for (HubSpotEvent event : ordered) {
            for (String property : rememberedProperties()) {
                if (event.isDealPropertyChange(property)) {
                    latest.computeIfAbsent(event.objectId(), deal -> new HashMap<>())
                            .put(property, event.propertyValue());
                    properties.add(new PropertyChange(event.objectId(), property, event.propertyValue()));
                    if (property.equals(STAGE_PROPERTY)) {
                        stageChangedNow.add(event.objectId());
                    }
                }
            }
        }
        BiFunction<Long, String, Optional<String>> property = (deal, name) -> {
            Map<String, String> now = latest.getOrDefault(deal, Map.of());
            return now.containsKey(name) ? Optional.ofNullable(now.get(name)) : knownProperty.apply(deal, name);
        };

        for (HubSpotEvent event : ordered) {
            if (event.isDealPropertyChange(leadIdProperty)) {
                if (event.propertyValue() == null || event.propertyValue().isBlank()) {
                    skipped.add(new Skipped(event.eventId(), "the deal's " + leadIdProperty + " is empty"));
                } else {
                    linkedNow.put(event.objectId(), event.propertyValue().strip());
                    links.add(new Link(event.eventId(), event.objectId(), event.propertyValue().strip()));
                }
            } else if (event.isDealPropertyChange(STAGE_PROPERTY)) {
                Outcome outcome = stageOutcomes.get(event.propertyValue());
                String leadId = leadOf(event.objectId(), linkedNow, knownLead);
                if (outcome == null) {
                    skipped.add(new Skipped(event.eventId(),
                            "deal stage " + event.propertyValue() + " is not mapped to an outcome"));
                } else if (leadId == null) {
                    skipped.add(notLinked(event));
                } else {
                    changes.add(withAmount(event, leadId, outcome, property));
                }
            } else if (event.isDealPropertyChange(amountProperty)) {
                // An amount that arrives after the win (or corrects it) records the win with it.
                Outcome stage = property.apply(event.objectId(), STAGE_PROPERTY).map(stageOutcomes::get).orElse(null);
                String leadId = leadOf(event.objectId(), linkedNow, knownLead);
                if (stage == Outcome.WON && leadId != null && !stageChangedNow.contains(event.objectId())
                        && amountOf(event.propertyValue()) != null) {
                    changes.add(withAmount(event, leadId, Outcome.WON, property));
                } else {
                    skipped.add(new Skipped(event.eventId(), "deal " + event.objectId() + "'s amount remembered"));
                }
            } else if (event.isDealPropertyChange(currencyProperty)) {
                skipped.add(new Skipped(event.eventId(), "deal " + event.objectId() + "'s currency remembered"));
            } else {
                skipped.add(new Skipped(event.eventId(), "not a deal stage or " + leadIdProperty + " change: "
                        + event.subscriptionType() + " " + event.propertyName()));
            }
        }
        return new Reading(links, changes, skipped, properties);
    }

    private StageChange withAmount(HubSpotEvent event, String leadId, Outcome outcome,
            BiFunction<Long, String, Optional<String>> property) {
        if (outcome != Outcome.WON) {
            return new StageChange(event, leadId, outcome, null, null);
        }
        BigDecimal amount = property.apply(event.objectId(), amountProperty).map(DealStageOutcomes::amountOf)
                .orElse(null);
        String currency = property.apply(event.objectId(), currencyProperty).filter(code -> !code.isBlank())
                .orElse(null);
        return new StageChange(event, leadId, outcome, amount, currency);
    }

    private static String leadOf(long dealId, Map<Long, String> linkedNow, Function<Long, Optional<String>> knownLead) {
        return linkedNow.containsKey(dealId) ? linkedNow.get(dealId) : knownLead.apply(dealId).orElse(null);
    }

    private Skipped notLinked(HubSpotEvent event) {
        return new Skipped(event.eventId(), "deal " + event.objectId() + " has no " + leadIdProperty
                + " (yet); set the property and subscribe to its changes");
    }

    /** HubSpot sends numbers as strings ("1200", "1200.5"); anything else is no amount. */
    private static BigDecimal amountOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** A deal now known to be the deal of a lead. */
    public record Link(long eventId, long dealId, String leadId) {
    }

    /**
     * A deal-stage change (or a won deal's amount change) that is an outcome of a known lead.
     *
     * @param amount for a win, the deal's amount if known, else null
     * @param currency the deal's currency if known, else null (the caller's default applies)
     */
    public record StageChange(HubSpotEvent event, String leadId, Outcome outcome, BigDecimal amount,
            String currency) {

        public Instant occurredAt() {
            return event.occurredAt();
        }
    }

    /** A deal property to remember (value may be null: cleared). */
    public record PropertyChange(long dealId, String property, String value) {
    }

    /** An event of the batch that records nothing, and why. */
    public record Skipped(long eventId, String reason) {
    }

    public record Reading(List<Link> links, List<StageChange> changes, List<Skipped> skipped,
            List<PropertyChange> properties) {
    }
}
