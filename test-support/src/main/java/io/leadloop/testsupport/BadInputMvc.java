package io.leadloop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends {@link BadInput.Request}s through a service's real MVC stack (MockMvc) and checks what every answer to hostile
 * input must be: never a 5xx, never a hang, every refusal an RFC 9457 problem with a LeadLoop type. Shared by every
 * service's bad-input properties. Needs Spring MVC, the servlet API, AssertJ and Jackson on the test class path (optional
 * dependencies of test-support: every service's tests have them).
 */
public final class BadInputMvc {

    /** How long one request may take before the try counts as a hang. */
    public static final Duration HANG = Duration.ofSeconds(10);

    /** The prefix of every LeadLoop problem type. */
    public static final String PROBLEM_TYPES = "https://leadloop.io/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Daemon threads: a request stuck past {@link #HANG} must not keep the test JVM alive. */
    private static final ExecutorService REQUESTS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "bad-input-request");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Sends {@code request} to {@code target} (method, path, query) with its raw body, content type and headers, and
     * follows an asynchronous answer to its end; a request without an answer within {@link #HANG} is a hang and fails.
     * A request with neither body nor content type is sent without content (no {@code Content-Length: 0}).
     */
    public static MvcResult send(MockMvc mvc, MockHttpServletRequestBuilder target, BadInput.Request request)
            throws Exception {
        Future<MvcResult> future = REQUESTS.submit(() -> {
            MvcResult result = mvc.perform(target.with(raw -> {
                if (request.body().length > 0 || !request.contentType().isEmpty()) {
                    raw.setContent(request.body());
                }
                if (!request.contentType().isEmpty()) {
                    raw.setContentType(request.contentType());
                }
                request.headers().forEach(h -> raw.addHeader(h.getKey(), h.getValue()));
                return raw;
            })).andReturn();
            if (result.getRequest().isAsyncStarted()) {
                result.getAsyncResult(HANG.minusSeconds(2).toMillis());
                result = mvc.perform(asyncDispatch(result)).andReturn();
            }
            return result;
        });
        try {
            return future.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException hang) {
            future.cancel(true);
            throw new AssertionError("No answer within " + HANG.toSeconds() + " s to " + request, hang);
        }
    }

    /**
     * What every answer must be: below 500, and a refusal an {@code application/problem+json} with a LeadLoop
     * {@code type}, a title or detail, and the answer's status. A client that accepts no JSON may get a refusal
     * without a body (content negotiation: it refused the problem's media type).
     */
    public static void assertWellBehaved(MvcResult result) throws Exception {
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("status, body: %.500s", body).isLessThan(500);
        if (status == 406 || status >= 400 && body.isEmpty() && !acceptsJson(result.getRequest().getHeaders("Accept"))) {
            return; // content negotiation: a client that accepts no JSON gets the status without the body it refused
        }
        if (status >= 400) {
            assertThat(result.getResponse().getContentType()).as("content type of %d %.300s", status, body).isNotNull();
            assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
                    .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("problem+json: %d %.300s", status, body).isTrue();
            JsonNode problem = JSON.readTree(body);
            assertThat(problem.path("type").asString()).as("%.300s", body).startsWith(PROBLEM_TYPES);
            assertThat(problem.path("title").asString() + problem.path("detail").asString()).as("%.300s", body).isNotBlank();
            assertThat(problem.path("status").asInt()).as("%.300s", body).isEqualTo(status);
        }
    }

    /**
     * The answer is {@code status} with the problem type {@code PROBLEM_TYPES + slug} (e.g. {@code 415},
     * {@code "unsupported-media-type"}), and {@link #assertWellBehaved well behaved}. Returns the problem.
     */
    public static JsonNode assertProblem(MvcResult result, int status, String slug) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.path("type").asString()).isEqualTo(PROBLEM_TYPES + slug);
        assertWellBehaved(result);
        return problem;
    }

    private static boolean acceptsJson(Enumeration<String> accept) {
        for (String header : Collections.list(accept)) {
            try {
                if (MediaType.parseMediaTypes(header).stream().noneMatch(MediaType.APPLICATION_PROBLEM_JSON::isCompatibleWith)) {
                    return false;
                }
            } catch (InvalidMediaTypeException unreadable) {
                return false;
            }
        }
        return true;
    }

    private BadInputMvc() {
    }
}
