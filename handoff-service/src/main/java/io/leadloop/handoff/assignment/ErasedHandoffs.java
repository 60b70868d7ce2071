package io.leadloop.handoff.assignment;

import org.apache.kafka.streams.state.KeyValueStore;

import io.leadloop.events.LeadHandedOff;
import io.leadloop.schemas.privacy.PersonalData;

/**
 * A person was erased: the lead's kept handoff (what {@code GET /api/v1/handoffs/{leadId}}, the rep's queue and a
 * later reassignment read) loses the contact — sealed or plaintext — and keeps the owner, SLA, score, campaign and
 * company, so queues, loads and SLA clocks run on unchanged. The queue and load stores hold ids only.
 */
final class ErasedHandoffs {

    private ErasedHandoffs() {
    }

    static void forget(String leadId, KeyValueStore<String, LeadHandedOff> handoffs) {
        LeadHandedOff kept = handoffs.get(leadId);
        if (kept == null) {
            return;
        }
        LeadHandedOff blanked = LeadHandedOff.newBuilder(kept).build();
        blanked.setLead(PersonalData.blanked(kept.getLead()));
        handoffs.put(leadId, blanked);
    }
}
