package io.leadloop.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client for the Confluent Schema Registry REST API (served by Confluent, Karapace, Redpanda and Apicurio's
 * {@code /apis/ccompat/v7}), caching ids and schemas both ways.
 *
 * <p>Written by hand because Confluent's {@code kafka-schema-registry-client} is not on Maven Central. It covers
 * what a producer and consumer need: register, look up, latest version, schema by id, and compatibility config.
 * Ids and schemas never change once assigned, so those caches never expire; "latest" is cached too, as
 * Confluent's client does by default, so a service sees a new latest version after a restart.
 */
public final class SchemaRegistryClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<RegistryTransport> transports;

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    /**
     * @param baseUrls registry base URLs, tried in order until one answers; {@code mock://<scope>} is an in-memory
     *     registry shared by every client of that scope in this JVM, for tests
     * @param basicAuthUserInfo {@code user:password} for HTTP basic auth, or empty
     */
    public SchemaRegistryClient(List<URI> baseUrls, Optional<String> basicAuthUserInfo, Duration requestTimeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("At least one schema registry URL is needed");
        }
        Optional<String> authorization = basicAuthUserInfo.map(userInfo ->
                "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        HttpClient http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
        this.transports = baseUrls.stream()
                .map(url -> "mock".equals(url.getScheme())
                        ? (RegistryTransport) InMemoryRegistryTransport.forScope(url.getAuthority() + url.getPath())
                        : new HttpRegistryTransport(url, authorization, http, requestTimeout))
                .toList();
    }

    /** Registers the schema under the subject (a no-op returning the existing id when already there). */
    public int register(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    JsonNode response = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(s));
                    int id = response.get("id").asInt();
                    schemasById.putIfAbsent(id, s);
                    return id;
                });
    }

    /** The id of a schema already registered under the subject; a {@link SchemaRegistryException} 404 when not. */
    public int lookup(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(schema, s -> {
                    JsonNode response = send("POST", "/subjects/" + encode(subject), schemaBody(s));
                    int id = response.get("id").asInt();
                    schemasById.putIfAbsent(id, s);
                    return id;
                });
    }

    /** The latest version registered under the subject. */
    public RegisteredSchema latest(String subject) {
        return latestBySubject.computeIfAbsent(subject, s -> {
            JsonNode response = send("GET", "/subjects/" + encode(s) + "/versions/latest", null);
            int id = response.get("id").asInt();
            Schema schema = schemasById.computeIfAbsent(id, i -> parse(response.get("schema").asString()));
            return new RegisteredSchema(id, response.get("version").asInt(), schema);
        });
    }

    /** The schema with this global id, as a consumer needs it to read a record's bytes. */
    public Schema byId(int id) {
        return schemasById.computeIfAbsent(id, i -> {
            JsonNode response = send("GET", "/schemas/ids/" + i, null);
            JsonNode type = response.get("schemaType");
            if (type != null && !type.isNull() && !"AVRO".equals(type.asString())) {
                throw new SchemaRegistryException(200, 0, "Schema " + i + " is " + type.asString() + ", not AVRO");
            }
            return parse(response.get("schema").asString());
        });
    }

    /** Sets the compatibility level of one subject, or the global default when {@code subject} is null. */
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
    }

    /** The compatibility level in force for the subject (or the global default when {@code subject} is null). */
    public String compatibility(String subject) {
        JsonNode response = send("GET", subject == null ? "/config" : "/config/" + encode(subject), null);
        return response.get("compatibilityLevel").asString();
    }

    private static String schemaBody(Schema schema) {
        // schemaType omitted means AVRO for every server, including old ones that reject the field.
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException lastUnreachable = null;
        for (RegistryTransport transport : transports) {
            try {
                RegistryTransport.Reply reply = transport.exchange(method, path, body);
                if (reply.status() / 100 == 2) {
                    return JSON.readTree(reply.body());
                }
                if (reply.status() / 100 == 5 && transports.size() > 1) {
                    lastUnreachable = failure(method, path, reply);
                    continue;
                }
                throw failure(method, path, reply);
            } catch (IOException e) {
                lastUnreachable = new SchemaRegistryException(
                        "Schema registry at " + transport.describe() + " unreachable for " + method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted calling the schema registry", e);
            }
        }
        throw Objects.requireNonNull(lastUnreachable);
    }

    private static SchemaRegistryException failure(String method, String path, RegistryTransport.Reply response) {
        int errorCode = response.status();
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body());
            if (error.hasNonNull("error_code")) {
                errorCode = error.get("error_code").asInt();
            }
            if (error.hasNonNull("message")) {
                message = error.get("message").asString();
            }
        } catch (JacksonException notJson) {
            // keep the raw body as the message
        }
        String described = method + " " + path + ": " + message;
        // Confluent used error_code 409 before 8.0.4 and 40901 since; key on the HTTP status for both.
        if (response.status() == 409) {
            return new IncompatibleSchemaException(errorCode, described);
        }
        return new SchemaRegistryException(response.status(), errorCode, described);
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
