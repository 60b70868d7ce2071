package io.leadloop.intake.webhooks;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.leadloop.intake.capture.CaptureResult;
import io.leadloop.intake.capture.Delivery;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.lead.LeadSubmission;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hands a webhook's lead to {@link LeadIntake} under the platform's own lead id, so a platform retry is recognised
 * as a repeat, and counts what became of it per source.
 */
@Component
public class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final LeadIntake intake;
    private final MeterRegistry meters;

    public WebhookIntake(LeadIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.meters = meters;
    }

    /**
     * Captures one lead of a delivery.
     *
     * @param deliveryId what makes this delivery unique at the platform (a repeat has the same); empty to
     *     recognise repeats by content
     * @param sourceLeadId the platform's id of the lead, kept on the event
     * @param test whether the platform marked it a test lead
     */
    public CompletableFuture<CaptureResult> capture(WebhookCall call, LeadSubmission lead, Optional<String> deliveryId,
            Optional<String> sourceLeadId, boolean test) {
        return intake.capture(new Delivery(call.sourceName(), lead, deliveryId, sourceLeadId, test))
                .thenApply(result -> {
                    meters.counter("leadloop.intake.leads.accepted", "source", call.sourceName(),
                            "repeat", Boolean.toString(result.repeat())).increment();
                    MDC.put("leadId", result.leadId());
                    try {
                        log.info("{} lead {} from {}{}", result.repeat() ? "Repeated" : "Captured",
                                sourceLeadId.orElse("(no platform id)"), call.sourceName(), test ? " (test lead)" : "");
                    } finally {
                        MDC.remove("leadId");
                    }
                    return result;
                });
    }

    /** Counts an event of a delivery that could not become a lead and was acknowledged anyway. */
    public void skipped(WebhookCall call, String reason) {
        meters.counter("leadloop.intake.webhook.events.skipped", "source", call.sourceName(), "reason", reason)
                .increment();
    }
}
