package io.leadloop.feedback.crm.hubspot.domain;

import java.time.Instant;

/**
 * One event of a HubSpot webhook batch, the fields LeadLoop reads.
 *
 * @param subscriptionType e.g. {@code deal.propertyChange} (the docs' example calls the field {@code eventType})
 * @param objectId the id of the deal or contact, not ours
 */
public record HubSpotEvent(long eventId, long portalId, String subscriptionType, long objectId, String propertyName,
        String propertyValue, Instant occurredAt) {

    public boolean isDealPropertyChange(String property) {
        return "deal.propertyChange".equals(subscriptionType) && property.equals(propertyName);
    }
}
