package io.leadloop.feedback.recording;

import java.util.UUID;

import org.springframework.stereotype.Service;

import io.leadloop.events.FeedbackRecorded;
import io.leadloop.events.SalesOutcome;
import io.leadloop.feedback.funnel.FunnelQueries;
import io.leadloop.feedback.funnel.domain.LeadFunnel;
import io.leadloop.feedback.recording.domain.Feedback;
import io.leadloop.feedback.recording.domain.FeedbackForm;
import io.leadloop.feedback.recording.domain.FeedbackPolicy;

/**
 * Records a rep's or a tool's feedback on a lead: checks it ({@code 400}), finds the lead ({@code 404}), checks
 * that the outcome is possible ({@code 422}), and publishes {@code FeedbackRecorded} with the lead's campaign so
 * that consumers can count per campaign without a join.
 */
@Service
public class RecordFeedback {

    static final String RECORDED_VIA_API = "api";

    private final FeedbackPolicy policy;
    private final FunnelQueries funnels;
    private final FeedbackRecordedPublisher publisher;

    RecordFeedback(FeedbackPolicy policy, FunnelQueries funnels, FeedbackRecordedPublisher publisher) {
        this.policy = policy;
        this.funnels = funnels;
        this.publisher = publisher;
    }

    FeedbackReceipt record(String leadId, FeedbackForm form) {
        return record(leadId, form, new Provenance(UUID.randomUUID().toString(), RECORDED_VIA_API));
    }

    /**
     * Records feedback a CRM delivered, under the event id the caller derived from the CRM's own delivery id, so
     * that a repeated delivery publishes the very same event again (consumers de-duplicate on {@code eventId}; the
     * funnel counts leads, not events) instead of a new one.
     *
     * @throws io.leadloop.feedback.recording.domain.InvalidFeedback a field is not acceptable
     * @throws UnknownLead the lead has not been captured
     * @throws io.leadloop.feedback.recording.domain.ImpossibleOutcome the outcome cannot be true as reported
     * @throws PublishFailed Kafka did not acknowledge; nothing was recorded
     */
    public FeedbackReceipt record(String leadId, FeedbackForm form, Provenance provenance) {
        Feedback feedback = policy.validate(leadId, form);
        LeadFunnel lead = funnels.lead(leadId)
                .filter(LeadFunnel::captured)
                .orElseThrow(() -> new UnknownLead(leadId));
        policy.checkPossible(feedback);
        FeedbackRecorded event = FeedbackRecorded.newBuilder()
                .setEventId(provenance.eventId())
                .setLeadId(leadId)
                .setOutcome(SalesOutcome.valueOf(feedback.outcome().name()))
                .setReason(feedback.reason())
                .setAmount(feedback.amount())
                .setCurrency(feedback.currency())
                .setRepId(feedback.repId())
                .setOccurredAt(feedback.occurredAt())
                .setCampaignId(lead.campaignId())
                .setRecordedVia(provenance.recordedVia())
                .build();
        publisher.publish(event);
        return new FeedbackReceipt(event.getEventId(), leadId);
    }

    /**
     * Where feedback came from.
     *
     * @param eventId the id of the {@code FeedbackRecorded} to publish
     * @param recordedVia {@code api}, {@code hubspot}, {@code salesforce}, ...
     */
    public record Provenance(String eventId, String recordedVia) {
    }
}
