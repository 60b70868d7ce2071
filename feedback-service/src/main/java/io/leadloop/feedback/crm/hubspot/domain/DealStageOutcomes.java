package io.leadloop.feedback.crm.hubspot.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.leadloop.feedback.recording.domain.Outcome;

/**
 * What a HubSpot batch means for LeadLoop: which deals it links to leads (a change of the deal property that holds
 * our lead id), and which deal-stage changes are outcomes of which lead. Plain rules, no I/O: the caller supplies
 * the links already known.
 */
public final class DealStageOutcomes {

    private final Map<String, Outcome> stageOutcomes;
    private final String leadIdProperty;

    /**
     * @param stageOutcomes HubSpot's internal stage id (opaque in custom pipelines) → outcome; stages not listed are
     *        not outcomes
     * @param leadIdProperty the deal property that carries our lead id, e.g. {@code leadloop_lead_id}
     */
    public DealStageOutcomes(Map<String, Outcome> stageOutcomes, String leadIdProperty) {
        this.stageOutcomes = Map.copyOf(stageOutcomes);
        this.leadIdProperty = Objects.requireNonNull(leadIdProperty, "leadIdProperty");
    }

    /**
     * Reads a batch in {@code occurredAt} order (HubSpot does not guarantee order, a link may come in the same
     * batch as the stage change it explains).
     *
     * @param knownLead the lead id already linked to a deal id, if any
     */
    public Reading read(List<HubSpotEvent> batch, Function<Long, Optional<String>> knownLead) {
        Map<Long, String> linkedNow = new HashMap<>();
        List<Link> links = new ArrayList<>();
        List<StageChange> changes = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<HubSpotEvent> ordered = batch.stream().sorted(Comparator.comparing(HubSpotEvent::occurredAt)).toList();
        for (HubSpotEvent event : ordered) {
            if (event.isDealPropertyChange(leadIdProperty)) {
                if (event.propertyValue() == null || event.propertyValue().isBlank()) {
                    skipped.add(new Skipped(event.eventId(), "the deal's " + leadIdProperty + " is empty"));
                } else {
                    linkedNow.put(event.objectId(), event.propertyValue().strip());
                    links.add(new Link(event.eventId(), event.objectId(), event.propertyValue().strip()));
                }
            } else if (event.isDealPropertyChange("dealstage")) {
                Outcome outcome = stageOutcomes.get(event.propertyValue());
                String leadId = linkedNow.containsKey(event.objectId())
                        ? linkedNow.get(event.objectId())
                        : knownLead.apply(event.objectId()).orElse(null);
                if (outcome == null) {
                    skipped.add(new Skipped(event.eventId(),
                            "deal stage " + event.propertyValue() + " is not mapped to an outcome"));
                } else if (leadId == null) {
                    skipped.add(new Skipped(event.eventId(), "deal " + event.objectId() + " has no "
                            + leadIdProperty + " (yet); set the property and subscribe to its changes"));
                } else {
                    changes.add(new StageChange(event, leadId, outcome));
                }
            } else {
                skipped.add(new Skipped(event.eventId(), "not a deal stage or " + leadIdProperty + " change: "
                        + event.subscriptionType() + " " + event.propertyName()));
            }
        }
        return new Reading(links, changes, skipped);
    }

    /** A deal now known to be the deal of a lead. */
    public record Link(long eventId, long dealId, String leadId) {
    }

    /** A deal-stage change that is an outcome of a known lead. */
    public record StageChange(HubSpotEvent event, String leadId, Outcome outcome) {

        public Instant occurredAt() {
            return event.occurredAt();
        }
    }

    /** An event of the batch that records nothing, and why. */
    public record Skipped(long eventId, String reason) {
    }

    public record Reading(List<Link> links, List<StageChange> changes, List<Skipped> skipped) {
    }
}
