package io.leadloop.feedback.crm.salesforce;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.leadloop.feedback.LeadMdc;
import io.leadloop.feedback.crm.CrmEventIds;
import io.leadloop.feedback.crm.salesforce.domain.MalformedOutboundMessage;
import io.leadloop.feedback.crm.salesforce.domain.OpportunityOutcomes;
import io.leadloop.feedback.crm.salesforce.domain.OutboundMessage;
import io.leadloop.feedback.funnel.FunnelNotReady;
import io.leadloop.feedback.recording.PublishFailed;
import io.leadloop.feedback.recording.RecordFeedback;
import io.leadloop.feedback.recording.UnknownLead;
import io.leadloop.feedback.recording.domain.ImpossibleOutcome;
import io.leadloop.feedback.recording.domain.InvalidFeedback;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Salesforce outbound messages (SOAP): Opportunity notifications whose stage is an outcome become
 * {@code FeedbackRecorded} ({@code recordedVia: "salesforce"}), each under an event id derived from the
 * notification id, so Salesforce's redeliveries publish the same events again. Answers the {@code Ack} once every
 * notification is recorded or cannot ever be (unmapped stage, no lead id, invalid: logged and acknowledged);
 * otherwise a SOAP fault, which Salesforce redelivers for up to 24 hours:
 * <ul>
 * <li>{@code 403}: the organisation id is not ours (nothing is read);</li>
 * <li>{@code 400}: not an outbound message;</li>
 * <li>{@code 503}: the lead is not known yet, or Kafka or the funnel is not available.</li>
 * </ul>
 */
@RestController
@Tag(name = "CRM", description = "Outcomes reported by CRMs")
class SalesforceOutboundMessageController {

    private static final Logger log = LoggerFactory.getLogger(SalesforceOutboundMessageController.class);
    static final String RECORDED_VIA = "salesforce";
    static final String ACK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
              <soapenv:Body>
                <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">
                  <Ack>true</Ack>
                </notificationsResponse>
              </soapenv:Body>
            </soapenv:Envelope>
            """;

    private final SalesforceProperties properties;
    private final RecordFeedback recordFeedback;
    private final OpportunityOutcomes outcomes;

    SalesforceOutboundMessageController(SalesforceProperties properties, RecordFeedback recordFeedback) {
        this.properties = properties;
        this.recordFeedback = recordFeedback;
        this.outcomes = new OpportunityOutcomes(properties.stageOutcomesOrDefault(), properties.leadIdField(),
                properties.currency());
    }

    @PostMapping(path = "/api/v1/crm/salesforce", consumes = {MediaType.TEXT_XML_VALUE, "application/soap+xml"},
            produces = MediaType.TEXT_XML_VALUE)
    @Operation(summary = "Salesforce outbound message (Opportunity)",
            description = "StageName → outcome by leadloop.feedback.crm.salesforce.stage-outcomes; answers the Ack")
    ResponseEntity<String> receive(@RequestBody byte[] body) {
        OutboundMessage message = OutboundMessage.parse(body);
        if (properties.organizationId() == null || !properties.organizationId().equals(message.organizationId())) {
            throw new ForeignOrganization(message.organizationId());
        }
        for (OutboundMessage.Notification notification : message.notifications()) {
            OpportunityOutcomes.Reading reading = outcomes.read(notification);
            if (reading.form() == null) {
                log.info("Salesforce notification {} skipped: {}", notification.id(), reading.skipped());
                continue;
            }
            try (var ignored = LeadMdc.lead(reading.leadId())) {
                recordFeedback.record(reading.leadId(), reading.form(), new RecordFeedback.Provenance(
                        CrmEventIds.of(RECORDED_VIA, message.organizationId(), notification.id()), RECORDED_VIA));
            } catch (InvalidFeedback | ImpossibleOutcome refused) {
                log.warn("Salesforce notification {} not recorded and acknowledged, it cannot be: {}",
                        notification.id(), refused.getMessage());
            }
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(ACK);
    }

    @ExceptionHandler
    ResponseEntity<String> foreignOrganization(ForeignOrganization e) {
        log.warn("{}", e.getMessage());
        return fault(HttpStatus.FORBIDDEN, "soapenv:Client", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<String> malformed(MalformedOutboundMessage e) {
        return fault(HttpStatus.BAD_REQUEST, "soapenv:Client", e.getMessage());
    }

    /** Worth redelivering: the lead's capture may still be on its way, Kafka may be back. */
    @ExceptionHandler({UnknownLead.class, PublishFailed.class, FunnelNotReady.class})
    ResponseEntity<String> notNow(RuntimeException e) {
        log.warn("Salesforce message not acknowledged, it will be redelivered: {}", e.getMessage());
        return fault(HttpStatus.SERVICE_UNAVAILABLE, "soapenv:Server", e.getMessage());
    }

    private static ResponseEntity<String> fault(HttpStatus status, String code, String reason) {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                  <soapenv:Body>
                    <soapenv:Fault>
                      <faultcode>%s</faultcode>
                      <faultstring>%s</faultstring>
                    </soapenv:Fault>
                  </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(code, HtmlUtils.htmlEscape(reason == null ? "" : reason));
        return ResponseEntity.status(status).contentType(MediaType.TEXT_XML).body(body);
    }

    /** A message from an org that is not ours. */
    static class ForeignOrganization extends RuntimeException {

        ForeignOrganization(String organizationId) {
            super("Outbound message from organisation " + organizationId + ", which is not the configured one");
        }
    }
}
