package io.leadloop.feedback.crm.hubspot;

import io.leadloop.feedback.crm.MalformedCrmDelivery;

/** A signed body that is not a HubSpot batch. */
class MalformedHubSpotBatch extends MalformedCrmDelivery {

    MalformedHubSpotBatch(String message) {
        super(message);
    }
}
