package io.leadloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nothing configured: the APIs stay open (local runner, benchmarks, fault suite) and the service warns. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = AccessTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "management.endpoints.web.exposure.include=health,env"})
class OpenAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    Callers callers;

    @Test
    void leavesEveryApiOpenWithoutIssuerOrKeys() throws Exception {
        assertThat(callers.enforced()).isFalse();
        assertThat(post("/approvals").statusCode()).isEqualTo(200);
        assertThat(get("/leads/l-ana").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(200);
    }

    @Test
    void noPasswordIsGeneratedForAnyone(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("generated security password");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
