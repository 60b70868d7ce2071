package io.leadloop.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The Confluent REST API over HTTP, at one base URL. */
final class HttpRegistryTransport implements RegistryTransport {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final String baseUrl;
    private final Optional<String> authorization;
    private final HttpClient http;
    private final Duration requestTimeout;

    HttpRegistryTransport(URI baseUrl, Optional<String> authorization, HttpClient http, Duration requestTimeout) {
        this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
        this.authorization = authorization;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Reply exchange(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    @Override
    public String describe() {
        return baseUrl;
    }
}
