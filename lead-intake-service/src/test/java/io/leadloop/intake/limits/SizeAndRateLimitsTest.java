package io.leadloop.intake.limits;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.leadloop.intake.IntakeProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

/** The limits filter and its problem details in front of a stand-in for the lead endpoint, without Kafka. */
class SizeAndRateLimitsTest {

    private static final int MAX_BODY = 100;

    private final AtomicLong now = new AtomicLong();
    private final RateLimits rates = new RateLimits(Map.of(), 2, now::get);
    private final IntakeLimitsFilter limits = new IntakeLimitsFilter(rates,
            new LimitsProperties(DataSize.ofBytes(MAX_BODY), DataSize.ofBytes(500), 500, 2), new SimpleMeterRegistry());

    @RestController
    static class EchoLeads {
        @PostMapping("/api/v1/leads")
        JsonNode capture(@RequestBody JsonNode lead) {
            return lead;
        }
    }

    private MockMvc mvc(Filter... filters) {
        var intake = new IntakeProperties("US", Duration.ofSeconds(5),
                new IntakeProperties.Topics(3, (short) 1), Map.of());
        return MockMvcBuilders.standaloneSetup(new EchoLeads())
                .setControllerAdvice(new LimitProblems(intake, new SimpleMeterRegistry()))
                .addFilters(filters).build();
    }

    @Test
    void passesABodyWithinTheCap() throws Exception {
        mvc(limits).perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ana@acme.io\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void refusesADeclaredContentLengthOverTheCapBeforeReadingIt() throws Exception {
        mvc(limits).perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON).content(json(MAX_BODY + 1)))
                .andExpect(status().is(413))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://leadloop.io/problems/body-too-large"))
                .andExpect(jsonPath("$.maxBytes").value(MAX_BODY));
    }

    @Test
    void refusesABodyThatGrowsPastTheCapWhileReadWhenItsLengthWasNotDeclared() throws Exception {
        Filter hidesLength = (request, response, chain) -> chain.doFilter(
                new HttpServletRequestWrapper((HttpServletRequest) request) {
                    @Override
                    public int getContentLength() {
                        return -1;
                    }

                    @Override
                    public long getContentLengthLong() {
                        return -1;
                    }
                }, response);

        mvc(hidesLength, limits).perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON)
                        .content(json(MAX_BODY * 3)))
                .andExpect(status().is(413))
                .andExpect(jsonPath("$.type").value("https://leadloop.io/problems/body-too-large"));
    }

    @Test
    void answersTooManyRequestsWithRetryAfterOnceTheSourcesBurstIsSpent() throws Exception {
        var mvc = mvc(limits);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isOk());
        }

        mvc.perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://leadloop.io/problems/rate-limited"))
                .andExpect(jsonPath("$.source").value("api"));

        now.addAndGet(Duration.ofMillis(500).toNanos());
        mvc.perform(post("/api/v1/leads").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());
    }

    private static byte[] json(int size) {
        String padding = "x".repeat(size - "{\"a\":\"\"}".length());
        return ("{\"a\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
