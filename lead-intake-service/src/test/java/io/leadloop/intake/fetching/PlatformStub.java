package io.leadloop.intake.fetching;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a platform's API on 127.0.0.1: answers {@code GET <path>} with the body a test put there, can fail
 * the first calls of a path with 500, and records every call (path and query or Authorization).
 */
public final class PlatformStub implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> credentials = new CopyOnWriteArrayList<>();

    public PlatformStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public PlatformStub answer(String path, String json) {
        bodies.put(path, json);
        return this;
    }

    public PlatformStub failFirst(String path, int times) {
        failuresLeft.put(path, new AtomicInteger(times));
        return this;
    }

    public int callsTo(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    /** Every call's query string or Authorization header, as sent. */
    public List<String> credentials() {
        return credentials;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String query = exchange.getRequestURI().getRawQuery();
        credentials.add(query != null ? query : String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        AtomicInteger failures = failuresLeft.get(path);
        String body = bodies.get(path);
        int status;
        if (failures != null && failures.getAndDecrement() > 0) {
            status = 500;
            body = "{\"error\":{\"message\":\"stub outage\",\"code\":2,\"is_transient\":true}}";
        } else if (body == null) {
            status = 404;
            body = "{\"error\":{\"message\":\"Unsupported get request\",\"code\":100}}";
        } else {
            status = 200;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
