package io.leadloop.schemas.registry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import tools.jackson.databind.json.JsonMapper;

/**
 * The subset of the registry a serde uses, in memory, for {@code mock://<scope>} URLs: one registry per scope
 * per JVM, as Confluent's serializers offer for {@code TopologyTestDriver} tests. BACKWARD compatibility is
 * checked against the latest version, as the real registry does by default.
 *
 * <p>Written by hand: Confluent's {@code MockSchemaRegistryClient} is not on Maven Central.
 */
final class InMemoryRegistryTransport implements RegistryTransport {

    private static final Map<String, InMemoryRegistryTransport> SCOPES = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");
    private static final Pattern SUBJECT = Pattern.compile("/subjects/([^/]+)");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");

    private final String scope;
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

    private InMemoryRegistryTransport(String scope) {
        this.scope = scope;
    }

    static InMemoryRegistryTransport forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, InMemoryRegistryTransport::new);
    }

    /** Forgets every registry scope, for tests that need a clean one. */
    static void resetAll() {
        SCOPES.clear();
    }

    @Override
    public synchronized Reply exchange(String method, String path, String body) {
        Matcher m;
        if (method.equals("POST") && (m = VERSIONS.matcher(path)).matches()) {
            return register(decode(m.group(1)), parse(body));
        }
        if (method.equals("POST") && (m = SUBJECT.matcher(path)).matches()) {
            return lookup(decode(m.group(1)), parse(body));
        }
        if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
            return latest(decode(m.group(1)));
        }
        if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
            int id = Integer.parseInt(m.group(1));
            if (id < 1 || id > schemasById.size()) {
                return error(404, 40403, "Schema " + id + " not found");
            }
            return ok(JSON.createObjectNode().put("schema", schemasById.get(id - 1).toString()).toString());
        }
        if (path.startsWith("/config")) {
            return ok(method.equals("GET") ? "{\"compatibilityLevel\":\"BACKWARD\"}" : body);
        }
        return error(404, 404, "Not supported by the in-memory registry: " + method + " " + path);
    }

    private Reply register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (int id : versions) {
            if (schemasById.get(id - 1).equals(schema)) {
                return ok("{\"id\":" + id + "}");
            }
        }
        if (!versions.isEmpty()) {
            Schema latest = schemasById.get(versions.getLast() - 1);
            var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(schema, latest).getType();
            if (compatibility != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                return error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\"");
            }
        }
        int id = schemasById.indexOf(schema) + 1;
        if (id == 0) {
            schemasById.add(schema);
            id = schemasById.size();
        }
        versions.add(id);
        return ok("{\"id\":" + id + "}");
    }

    private Reply lookup(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        for (int i = 0; i < versions.size(); i++) {
            if (schemasById.get(versions.get(i) - 1).equals(schema)) {
                return ok(describe(subject, i + 1, versions.get(i)));
            }
        }
        return error(404, 40403, "Schema not found");
    }

    private Reply latest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        return ok(describe(subject, versions.size(), versions.getLast()));
    }

    private String describe(String subject, int version, int id) {
        return JSON.createObjectNode().put("subject", subject).put("version", version).put("id", id)
                .put("schema", schemasById.get(id - 1).toString()).toString();
    }

    private static Schema parse(String body) {
        return new Schema.Parser().parse(JSON.readTree(body).get("schema").asString());
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static Reply ok(String body) {
        return new Reply(200, body);
    }

    private static Reply error(int status, int errorCode, String message) {
        return new Reply(status, JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString());
    }

    @Override
    public String describe() {
        return "mock://" + scope;
    }
}
