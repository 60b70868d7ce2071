package io.leadloop.intake.api;

import static io.leadloop.intake.api.LeadJson.aLead;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.leadloop.intake.IsolatedKafkaStreams;
import io.leadloop.testsupport.WithRealInfrastructure;

/**
 * With no broker reachable, intake must never answer 2xx (it would be a lie) nor 500 (senders such as Typeform
 * only retry 408/423/429/503): it answers 503 with Retry-After.
 */
@WithRealInfrastructure
@IsolatedKafkaStreams
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=127.0.0.1:1",
        // Kafka Streams' start blocks until its global stores are restored, which never happens without a broker.
        "spring.kafka.streams.auto-startup=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.admin.properties.request.timeout.ms=1000",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.close-timeout=1s"})
class IntakeWithoutKafkaIT {

    @LocalServerPort
    int port;

    @Test
    void answersServiceUnavailableWithRetryAfterWhenKafkaIsDown() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/leads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(aLead().toJson())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("https://leadloop.io/problems/kafka-unavailable");
    }
}
