package io.leadloop.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.intake.identity.DeliveryKeys;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.lead.LeadValidator;
import tools.jackson.databind.json.JsonMapper;

/** The benchmarks' test data: the same ~600-byte lead the load generator in {@code bench/} posts. */
final class Leads {

    static final String SOURCE = "api";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

    /** As {@code bench/}'s {@code LeadBodies.next()} writes it (run id "jmh", lead 42). */
    static final byte[] JSON = """
            {"email":"lead-jmh-42@acme.io","phone":"+1 415 0000042",\
            "firstName":"Ana","lastName":"Silva","jobTitle":"VP Marketing",\
            "company":{"name":"Acme","domain":"acme.io","employees":250,"industry":"software","country":"US"},\
            "source":{"channel":"web-form","campaignId":"bench-jmh","formId":"demo-request","landingPage":"https://acme.io/demo"},\
            "utm":{"source":"google","medium":"cpc","campaign":"spring-launch","term":"crm","content":"ad-3"},\
            "engagement":{"visits":3,"timeOnSiteSeconds":540,"pageViews":7,"lastActivity":"Email Opened"},\
            "consent":{"marketing":true},"attributes":{"any question":"any answer"}}"""
            .getBytes(StandardCharsets.UTF_8);

    private Leads() {
    }

    static JsonMapper jsonMapper() {
        // Boot's auto-configured mapper adds modules we do not touch here; parsing a record is the same work.
        return JsonMapper.builder().build();
    }

    static LeadValidator validator() {
        return new LeadValidator("US", CLOCK);
    }

    static LeadSubmission submission(JsonMapper json) {
        return json.readValue(JSON, LeadSubmission.class);
    }

    static LeadDetails details() {
        return validator().validate(submission(jsonMapper()));
    }

    static LeadCaptured captured() {
        return captured(details());
    }

    /**
     * Stand-in for intake's {@code LeadIntake.capture} minus the Kafka Streams identity lookups and the send:
     * content delivery key, deterministic ids, the event. {@code LeadIntake} is a Spring bean and its
     * {@code contentOf} private, so this copies the few lines (consent time is as given, so the lead is used as is).
     */
    static LeadCaptured captured(LeadDetails lead) {
        var buffer = encode(lead);
        var bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        String deliveryKey = DeliveryKeys.ofContent(SOURCE, bytes);
        return LeadCaptured.newBuilder()
                .setEventId(DeliveryKeys.eventIdFor(deliveryKey))
                .setOccurredAt(CLOCK.instant())
                .setLeadId(DeliveryKeys.leadIdFor(deliveryKey))
                .setLead(lead)
                .setTouch(1)
                .setSourceLeadId(null)
                .setTest(false)
                .build();
    }

    private static java.nio.ByteBuffer encode(LeadDetails lead) {
        try {
            return lead.toByteBuffer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
