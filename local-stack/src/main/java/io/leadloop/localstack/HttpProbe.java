package io.leadloop.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The few HTTP calls the launcher makes. Plain {@code java.net.http} so the launcher jar needs no dependencies and
 * starts in a blink; short timeouts because a part that does not answer within seconds is simply not ready yet.
 */
final class HttpProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /**
     * A configuration call is made once, right after the part answered its probe: on a machine whose cores are
     * busy (several stacks at once), the first write can take far longer than a probe, and timing it out would
     * abandon a start that was about to succeed.
     */
    private static final Duration CONFIGURE_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private HttpProbe() {
    }

    /** Up when the URL answers 200, whatever the body. */
    static Health answers200(String url) {
        try {
            HttpResponse<String> response = get(url);
            return response.statusCode() == 200
                    ? Health.up("")
                    : Health.down("HTTP " + response.statusCode() + " from " + url);
        } catch (IOException e) {
            return Health.down(describe(e));
        }
    }

    /** Up when a Spring Boot actuator health endpoint answers 200 with status UP. */
    static Health actuatorUp(String url) {
        try {
            HttpResponse<String> response = get(url);
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find()
                    ? Health.up("")
                    : Health.down("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        } catch (IOException e) {
            return Health.down(describe(e));
        }
    }

    static HttpResponse<String> putJson(String url, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(CONFIGURE_TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    private static HttpResponse<String> get(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
