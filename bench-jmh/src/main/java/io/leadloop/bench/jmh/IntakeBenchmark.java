package io.leadloop.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadDetails;
import io.leadloop.intake.identity.DeliveryKeys;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.lead.LeadValidator;
import io.leadloop.intake.lead.PhoneNumbersAccess;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's CPU work per lead, JSON in to {@code LeadCaptured} out (everything before the Kafka send). The
 * validator, phone numbers and delivery keys are intake's own classes ({@code io.leadloop.intake.lead},
 * {@code io.leadloop.intake.identity.DeliveryKeys}) compiled from its sources.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class IntakeBenchmark {

    private JsonMapper json;
    private LeadValidator validator;
    private LeadSubmission submission;
    private LeadDetails details;
    private byte[] content;
    private final byte[] body = Leads.JSON;

    @Setup
    public void setUp() {
        json = Leads.jsonMapper();
        validator = Leads.validator();
        submission = Leads.submission(json);
        details = validator.validate(submission);
        content = details.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Jackson 3 reading the ~600-byte body into intake's {@code LeadSubmission} record (the controller's binding). */
    @Benchmark
    public LeadSubmission parseJson() {
        return json.readValue(body, LeadSubmission.class);
    }

    /** {@code LeadValidator.validate}: normalise email, phone (libphonenumber), country, landing page, click ids. */
    @Benchmark
    public LeadDetails validate() {
        return validator.validate(submission);
    }

    /** Parse and validate, JSON to the {@code LeadDetails} snapshot. */
    @Benchmark
    public LeadDetails jsonToLeadDetails() {
        return validator.validate(json.readValue(body, LeadSubmission.class));
    }

    /** libphonenumber parse + possible-number check + E.164 format ({@code PhoneNumbers.toE164}). */
    @Benchmark
    public Object phoneToE164() {
        return PhoneNumbersAccess.toE164("+1 415 0000042", "US");
    }

    /** A content delivery key: SHA-256 of the content, then SHA-256 of the key string ({@code DeliveryKeys.ofContent}). */
    @Benchmark
    public String deliveryKeyOfContent() {
        return DeliveryKeys.ofContent(Leads.SOURCE, content);
    }

    /**
     * From a validated lead to the event: Avro-encode the snapshot for the content key, two SHA-256s, ids,
     * build {@code LeadCaptured} (the stand-in part of {@link #jsonToLeadCaptured()}).
     */
    @Benchmark
    public LeadCaptured detailsToLeadCaptured() {
        return Leads.captured(details);
    }

    /**
     * The whole JSON → Avro mapping: parse, validate, Avro-encode the snapshot for the content key, derive ids,
     * build {@code LeadCaptured} (see {@link Leads#captured(LeadDetails)} for the stand-in part).
     *
     * <p>Warms up for 30 s: on the shared 2-core machine the JIT needs about 15 s for this whole path, and a 10 s
     * warm-up reported 2.8k ops/s where the warmed-up figure is about 13k (the sum of its parts' costs predicts 14k).
     */
    @Benchmark
    @Warmup(iterations = 15, time = 2)
    public LeadCaptured jsonToLeadCaptured() {
        return Leads.captured(validator.validate(json.readValue(body, LeadSubmission.class)));
    }
}
