package io.leadloop.intake.fetching;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.leadloop.intake.capture.CaptureResult;
import io.leadloop.intake.capture.Delivery;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.identity.DeliveryKeys;
import io.leadloop.intake.identity.KnownLeads;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.intake.sources.FieldMapper;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.sources.Sources;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes a queued notification, fetches the lead from the platform, maps its fields and captures it through
 * {@link LeadIntake} like every other lead; the record is acknowledged only after the lead is durable.
 *
 * <p>When the fetch or the capture fails, the listener throws and Spring Kafka's non-blocking retries (see
 * {@link FetchConfiguration}) forward the notification to a retry topic, to be tried again minutes later, even
 * after a restart; what still fails then is parked on the dead-letter topic with the cause in its headers. Retry
 * topics reorder a lead's records, which is harmless here: each notification names one lead, fetching is
 * read-only, and {@link LeadIntake} recognises a second capture of the same platform lead id as a repeat.
 */
@Component
class NotificationFetcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationFetcher.class);

    private final Map<String, LeadFetcher> fetchers;
    private final Sources sources;
    private final KnownLeads known;
    private final LeadIntake intake;
    private final PlatformApi api;
    private final FetchProperties properties;
    private final MeterRegistry meters;

    NotificationFetcher(java.util.List<LeadFetcher> fetchers, Sources sources, KnownLeads known, LeadIntake intake,
            PlatformApi api, FetchProperties properties, MeterRegistry meters) {
        this.fetchers = fetchers.stream().collect(Collectors.toUnmodifiableMap(LeadFetcher::platform, Function.identity()));
        this.sources = sources;
        this.known = known;
        this.intake = intake;
        this.api = api;
        this.properties = properties;
        this.meters = meters;
    }

    @KafkaListener(id = "lead-fetch", topics = FetchTopics.LEAD_NOTIFICATIONS, groupId = FetchTopics.FETCH_GROUP,
            containerFactory = FetchConfiguration.CONTAINER_FACTORY)
    void onNotification(ConsumerRecord<String, String> record) {
        LeadNotification notification = LeadNotification.fromJson(record.value());
        try {
            fetchAndCapture(notification);
        } catch (RuntimeException e) {
            meters.counter("leadloop.intake.fetches", "source", notification.source(), "outcome", "failed").increment();
            log.warn("Fetching {} lead {} from source {} failed (topic {}): {}", notification.platform(),
                    notification.leadId(), notification.source(), record.topic(), e.toString());
            throw e;
        }
    }

    void fetchAndCapture(LeadNotification notification) {
        SourceSettings source = sources.require(notification.source(), notification.platform());
        LeadFetcher fetcher = Optional.ofNullable(fetchers.get(notification.platform())).orElseThrow(
                () -> new LeadNotFetchableException("No fetcher for platform " + notification.platform()));
        Optional<String> earlier = known.leadOfDelivery(DeliveryKeys.named(notification.source(), notification.leadId()));
        if (earlier.isPresent()) {
            // A repeated notification of a lead already captured: no need to ask the platform again.
            meters.counter("leadloop.intake.fetches", "source", notification.source(), "outcome", "repeat").increment();
            log.info("{} lead {} from {} already captured as lead {}", notification.platform(), notification.leadId(),
                    notification.source(), earlier.get());
            return;
        }
        FetchedLead fetched = fetcher.fetch(notification, source, api);
        LeadSubmission submission = withForm(new FieldMapper(fetcher.defaultFieldMapping(), source.fieldMapping())
                .toSubmission(fetched.fields(), fetcher.channel(), firstOf(fetched.campaignId(),
                        notification.campaignId(), source.campaignId())),
                firstOf(fetched.formId(), notification.formId()));
        CaptureResult result = await(intake.capture(new Delivery(notification.source(), submission,
                Optional.of(notification.leadId()), Optional.of(notification.leadId()), fetched.test())),
                notification);
        meters.counter("leadloop.intake.fetches", "source", notification.source(),
                "outcome", result.repeat() ? "repeat" : "captured").increment();
        MDC.put("leadId", result.leadId());
        try {
            log.info("{} lead {} from {} captured as lead {} (touch {}, repeat {})", notification.platform(),
                    notification.leadId(), notification.source(), result.leadId(), result.touch(), result.repeat());
        } finally {
            MDC.remove("leadId");
        }
    }

    private CaptureResult await(java.util.concurrent.CompletableFuture<CaptureResult> capture,
            LeadNotification notification) {
        try {
            return capture.get(properties.captureTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            throw new LeadFetchFailedException("Capture of " + notification.leadId() + " failed", cause);
        } catch (TimeoutException e) {
            throw new LeadFetchFailedException("Capture of " + notification.leadId() + " not acknowledged in "
                    + properties.captureTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeadFetchFailedException("Interrupted while capturing " + notification.leadId(), e);
        }
    }

    /** The form the platform names, unless the mapping already put one on the lead. */
    private static LeadSubmission withForm(LeadSubmission lead, String formId) {
        LeadSubmission.Source source = lead.source();
        if (formId == null || source == null || source.formId() != null) {
            return lead;
        }
        return new LeadSubmission(lead.email(), lead.phone(), lead.firstName(), lead.lastName(), lead.jobTitle(),
                lead.company(), new LeadSubmission.Source(source.channel(), source.campaignId(), formId,
                        source.landingPage()),
                lead.utm(), lead.engagement(), lead.consent(), lead.clickIds(), lead.attributes(), lead.unknownFields());
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
