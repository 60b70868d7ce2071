package io.leadloop.feedback.crm.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.feedback.LeadMdc;
import io.leadloop.feedback.crm.CrmEventIds;
import io.leadloop.feedback.crm.WebhookUnauthorized;
import io.leadloop.feedback.crm.hubspot.domain.DealStageOutcomes;
import io.leadloop.feedback.crm.hubspot.domain.HubSpotEvent;
import io.leadloop.feedback.crm.hubspot.domain.HubSpotSignature;
import io.leadloop.feedback.recording.FeedbackReceipt;
import io.leadloop.feedback.recording.RecordFeedback;
import io.leadloop.feedback.recording.domain.FeedbackForm;
import io.leadloop.feedback.recording.domain.ImpossibleOutcome;
import io.leadloop.feedback.recording.domain.InvalidFeedback;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HubSpot's webhook: a signed batch of property changes. Deal-stage changes become {@code FeedbackRecorded}
 * ({@code recordedVia: "hubspot"}) for the lead linked to the deal. HubSpot retries a whole batch on any non-2xx, so
 * the answer is {@code 200} with what was recorded, linked and skipped, unless the batch is not HubSpot's
 * ({@code 401}), not a batch ({@code 400}), names a lead whose capture has not been seen yet ({@code 404}, retried
 * by HubSpot, the capture may be on its way) or could not be made durable ({@code 503}, retried). Event ids are
 * derived from HubSpot's, so a retry publishes the same events again, not new ones.
 */
@RestController
@Tag(name = "CRM", description = "Outcomes reported by CRMs")
class HubSpotWebhookController {

    private static final Logger log = LoggerFactory.getLogger(HubSpotWebhookController.class);
    static final String RECORDED_VIA = "hubspot";

    private final HubSpotProperties properties;
    private final HubSpotDealLinks.Links links;
    private final RecordFeedback recordFeedback;
    private final JsonMapper json;
    private final Clock clock;
    private final DealStageOutcomes outcomes;

    HubSpotWebhookController(HubSpotProperties properties, HubSpotDealLinks.Links links,
            RecordFeedback recordFeedback, JsonMapper json) {
        this.properties = properties;
        this.links = links;
        this.recordFeedback = recordFeedback;
        this.json = json;
        this.clock = Clock.systemUTC();
        this.outcomes = new DealStageOutcomes(properties.stageOutcomesOrDefault(), properties.leadIdProperty(),
                properties.amountProperty(), properties.currencyProperty());
    }

    @PostMapping(path = "/api/v1/crm/hubspot", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "HubSpot webhook (signature v3)",
            description = "deal.propertyChange of dealstage → outcome by leadloop.feedback.crm.hubspot.stage-outcomes;"
                    + " of leadloop_lead_id → links the deal to a lead")
    HubSpotReceipt receive(@RequestBody byte[] body,
            @RequestHeader(name = "X-HubSpot-Signature-v3", required = false) String signature,
            @RequestHeader(name = "X-HubSpot-Request-Timestamp", required = false) String timestamp,
            HttpServletRequest request) {
        authenticate(request, body, signature, timestamp);
        DealStageOutcomes.Reading reading = outcomes.read(parse(body), links::leadOf, links::propertyOf);
        for (DealStageOutcomes.PropertyChange change : reading.properties()) {
            links.rememberProperty(change.dealId(), change.property(), change.value());
        }
        List<HubSpotReceipt.Linked> linked = new ArrayList<>();
        for (DealStageOutcomes.Link link : reading.links()) {
            links.remember(link.dealId(), link.leadId());
            linked.add(new HubSpotReceipt.Linked(link.eventId(), link.dealId(), link.leadId()));
        }
        List<HubSpotReceipt.Recorded> recorded = new ArrayList<>();
        List<DealStageOutcomes.Skipped> skipped = new ArrayList<>(reading.skipped());
        for (DealStageOutcomes.StageChange change : reading.changes()) {
            HubSpotEvent event = change.event();
            try (var ignored = LeadMdc.lead(change.leadId())) {
                FeedbackReceipt receipt = recordFeedback.record(change.leadId(),
                        new FeedbackForm(change.outcome().name(), null, change.amount(),
                                change.amount() == null ? null
                                        : change.currency() != null ? change.currency() : properties.currency(),
                                null, change.occurredAt().toString()),
                        new RecordFeedback.Provenance(CrmEventIds.of(RECORDED_VIA,
                                Long.toString(event.portalId()), Long.toString(event.eventId())), RECORDED_VIA));
                recorded.add(new HubSpotReceipt.Recorded(event.eventId(), receipt.eventId(), receipt.leadId()));
            } catch (InvalidFeedback | ImpossibleOutcome refused) {
                log.warn("HubSpot event {} of deal {} not recorded: {}", event.eventId(), event.objectId(),
                        refused.getMessage());
                skipped.add(new DealStageOutcomes.Skipped(event.eventId(), refused.getMessage()));
            }
        }
        skipped.forEach(skip -> log.info("HubSpot event {} skipped: {}", skip.eventId(), skip.reason()));
        return new HubSpotReceipt(recorded, linked, skipped);
    }

    private void authenticate(HttpServletRequest request, byte[] body, String signature, String timestamp) {
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new WebhookUnauthorized("No HubSpot client secret is configured; every delivery is refused");
        }
        String uri = properties.webhookUrl() != null ? properties.webhookUrl().toString() : requestUrl(request);
        String rejection = new HubSpotSignature(properties.clientSecret(), properties.maxRequestAge())
                .rejection(request.getMethod(), uri, body, signature, timestamp, Instant.now(clock));
        if (rejection != null) {
            throw new WebhookUnauthorized(rejection);
        }
    }

    private static String requestUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    private List<HubSpotEvent> parse(byte[] body) {
        JsonNode batch;
        try {
            batch = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedHubSpotBatch("The body is not JSON: " + e.getOriginalMessage());
        }
        if (batch == null || !batch.isArray()) {
            throw new MalformedHubSpotBatch("The body must be a JSON array of events");
        }
        List<HubSpotEvent> events = new ArrayList<>();
        for (JsonNode event : batch) {
            if (!event.path("eventId").isNumber() || !event.path("objectId").isNumber()
                    || !event.path("occurredAt").isNumber()) {
                throw new MalformedHubSpotBatch("Every event needs numeric eventId, objectId and occurredAt");
            }
            String type = event.hasNonNull("subscriptionType") ? event.get("subscriptionType").asString()
                    : event.path("eventType").asString(null);
            events.add(new HubSpotEvent(event.get("eventId").asLong(), event.path("portalId").asLong(), type,
                    event.get("objectId").asLong(), event.path("propertyName").asString(null),
                    event.path("propertyValue").asString(null),
                    Instant.ofEpochMilli(event.get("occurredAt").asLong())));
        }
        return events;
    }

    /**
     * What the batch did.
     *
     * @param recorded the events published as {@code FeedbackRecorded}
     * @param linked deals now linked to leads
     * @param skipped events that record nothing, with the reason
     */
    record HubSpotReceipt(List<Recorded> recorded, List<Linked> linked, List<DealStageOutcomes.Skipped> skipped) {

        record Recorded(long hubspotEventId, String eventId, String leadId) {
        }

        record Linked(long hubspotEventId, long dealId, String leadId) {
        }
    }
}
