package io.leadloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.leadloop.events.LeadCaptured;
import io.leadloop.testsupport.WithRealInfrastructure;

/**
 * One application context for the ITs of the batch and form endpoints (so it starts once), with the form sources
 * they post to, against the real broker and registry, with Kafka Streams state of its own
 * ({@link IsolatedKafkaStreams}).
 */
@WithRealInfrastructure
@IsolatedKafkaStreams
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadloop.intake.sources.spring-demo.type=form",
        "leadloop.intake.sources.spring-demo.campaign-id=spring-launch",
        "leadloop.intake.sources.spring-demo.thank-you-url=" + WebSourcesTestBase.THANK_YOU,
        "leadloop.intake.sources.spring-demo.allowed-origins[0]=" + WebSourcesTestBase.ALLOWED_ORIGIN,
        "leadloop.intake.sources.spring-demo.field-mapping.budget_question=company.industry",
        "leadloop.intake.sources.throttled-form.type=form",
        "leadloop.intake.sources.throttled-form.requests-per-second=1",
        "leadloop.intake.sources.throttled-form.thank-you-url=" + WebSourcesTestBase.THANK_YOU})
public abstract class WebSourcesTestBase {

    protected static final String THANK_YOU = "https://acme.example/thanks";
    protected static final String ALLOWED_ORIGIN = "https://acme.example";

    protected final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    /** As a sender would on 503: wait until intake is ready (its identity stores restored). */
    @BeforeEach
    void awaitReady() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(http.send(
                HttpRequest.newBuilder(url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
    }

    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every captured lead of the campaign. */
    protected static List<ConsumerRecord<String, LeadCaptured>> capturedLeadsOf(String campaign) {
        return PublishedRecords.capturedLeadsOf(campaign);
    }
}
