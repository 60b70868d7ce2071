package io.leadloop.qualification.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class StreamsInstancesTest {

    @Test
    void takesAnAppWithoutApplicationServerToBeAloneEveryKeyLocal() {
        var instances = new StreamsInstances(() -> null, null, Duration.ofSeconds(1));

        assertThat(instances.shared()).isFalse();
        assertThat(instances.remoteOwnerOf("lead-scores", "lead-1")).isEmpty();
        assertThat(instances.others("lead-scores")).isEmpty();
    }

    @Test
    void answersUnavailableWhileTheSharedAppIsNotRunning() {
        var instances = new StreamsInstances(() -> null, "127.0.0.1:8082", Duration.ofSeconds(1));

        assertThat(instances.shared()).isTrue();
        assertThatThrownBy(() -> instances.remoteOwnerOf("lead-scores", "lead-1"))
                .isInstanceOf(StreamsInstances.InstanceUnavailableException.class);
    }

    @Test
    void forwardsAGetMarkedAsForwardedAndPassesTheAnswerOnAsItIs() throws IOException {
        HttpServer owner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        owner.createContext("/api/v1/leads/lead-1/score", exchange -> {
            boolean forwarded = exchange.getRequestHeaders().containsKey(StreamsInstances.FORWARDED_HEADER);
            byte[] body = ("{\"forwarded\":" + forwarded + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();
        try {
            var instances = new StreamsInstances(() -> null, "127.0.0.1:1", Duration.ofSeconds(5));
            URI ownerUri = URI.create("http://127.0.0.1:" + owner.getAddress().getPort() + "/");

            var reply = instances.get(ownerUri, "api/v1/leads/lead-1/score", "application/json");

            assertThat(reply).isEqualTo(new StreamsInstances.Reply(404, "application/problem+json", "{\"forwarded\":true}"));
        } finally {
            owner.stop(0);
        }
    }

    @Test
    void forwardsTheCallersCredentialsSoTheOwnerChecksTheCallerNotTheInstance() throws IOException {
        HttpServer owner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        owner.createContext("/api/v1/leads/lead-1/score", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = ("{\"authorization\":\"" + authorization + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();
        try {
            var instances = new StreamsInstances(() -> null, "127.0.0.1:1", Duration.ofSeconds(5),
                    () -> java.util.Map.of("Authorization", "Bearer callers-token"));
            URI ownerUri = URI.create("http://127.0.0.1:" + owner.getAddress().getPort() + "/");

            var reply = instances.get(ownerUri, "api/v1/leads/lead-1/score", "application/json");

            assertThat(reply.body()).isEqualTo("{\"authorization\":\"Bearer callers-token\"}");
        } finally {
            owner.stop(0);
        }
    }

    @Test
    void answersUnavailableWhenTheOwnerCannotBeReached() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var instances = new StreamsInstances(() -> null, "127.0.0.1:1", Duration.ofSeconds(1));

        assertThatThrownBy(() -> instances.get(URI.create("http://127.0.0.1:" + closedPort + "/"), "x", "application/json"))
                .isInstanceOf(StreamsInstances.InstanceUnavailableException.class);
    }
}
