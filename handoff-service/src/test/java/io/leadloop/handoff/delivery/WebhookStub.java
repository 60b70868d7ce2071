package io.leadloop.handoff.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local webhook receiver on 127.0.0.1 and a free port: answers scripted statuses (then 200) and records what it
 * received.
 */
public final class WebhookStub implements AutoCloseable {

    /** One request as received. */
    public record Received(String leadId, String eventId, String signature, byte[] body) {
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/handoffs", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookDeliverer.LEAD_ID_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookDeliverer.EVENT_ID_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER), body));
            Answer answer;
            synchronized (script) {
                answer = script.isEmpty() ? new Answer(200, Map.of()) : script.poll();
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    /** The next requests are answered with these statuses, in order; then 200. */
    public WebhookStub thenAnswer(int status, Map<String, String> headers) {
        synchronized (script) {
            script.add(new Answer(status, headers));
        }
        return this;
    }

    public WebhookStub thenAnswer(int status) {
        return thenAnswer(status, Map.of());
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/handoffs");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
