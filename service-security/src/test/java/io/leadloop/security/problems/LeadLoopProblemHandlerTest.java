package io.leadloop.security.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LeadLoopProblemHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Leads())
            .setControllerAdvice(new ServiceProblems()).build();

    @Test
    void givesAnUnsupportedMediaTypeRefusalOfSpringsALeadLoopType() throws Exception {
        MvcResult result = mvc.perform(post("/leads").contentType(MediaType.TEXT_PLAIN).content("{}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(415);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.path("type").asString()).isEqualTo("https://leadloop.io/problems/unsupported-media-type");
        assertThat(problem.path("status").asInt()).isEqualTo(415);
    }

    @Test
    void givesAWrongMethodRefusalOfSpringsALeadLoopType() throws Exception {
        MvcResult result = mvc.perform(get("/leads")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(405);
        assertThat(JSON.readTree(result.getResponse().getContentAsByteArray()).path("type").asString())
                .isEqualTo("https://leadloop.io/problems/method-not-allowed");
    }

    @Test
    void answersABodyThatIsNotJsonWithAMalformedRequestProblem() throws Exception {
        MvcResult result = mvc.perform(post("/leads").contentType(MediaType.APPLICATION_JSON).content("{\"email\":"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.path("type").asString()).isEqualTo("https://leadloop.io/problems/malformed-request");
        assertThat(problem.path("title").asString()).isEqualTo("Malformed request");
        assertThat(problem.has("errors")).as("Jackson knows no field to name").isFalse();
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() throws Exception {
        MvcResult result = mvc.perform(post("/batches").contentType(MediaType.APPLICATION_JSON)
                .content("{\"items\":[{\"email\":[1]}]}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(problem.path("type").asString()).isEqualTo("https://leadloop.io/problems/malformed-request");
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/items/0/email");
    }

    @Test
    void namesAStatusWithoutANameByItsCodeAndKeepsATypeOfItsOwn() {
        ProblemDetail unnamed = ProblemDetail.forStatus(599);
        LeadLoopProblemHandler.withStableType(unnamed);
        assertThat(unnamed.getType()).isEqualTo(URI.create("https://leadloop.io/problems/http-599"));

        ProblemDetail own = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        own.setType(URI.create("https://leadloop.io/problems/invalid-lead"));
        LeadLoopProblemHandler.withStableType(own);
        assertThat(own.getType()).isEqualTo(URI.create("https://leadloop.io/problems/invalid-lead"));
    }

    @Test
    void pointsIntoNestedObjectsAndArrays() {
        DatabindException wrongType = catchThrowableOfType(DatabindException.class, () -> JSON.readValue(
                "{\"items\":[{\"email\":\"a@x.io\"},{\"email\":[1]}]}", Batch.class));

        assertThat(JsonPointers.of(wrongType.getPath())).isEqualTo("/items/1/email");
    }

    @Test
    void escapesTildeAndSlashInPropertyNames() {
        DatabindException wrongType = catchThrowableOfType(DatabindException.class, () -> JSON.readValue(
                "{\"a/b~c\":{\"n\":\"x\"}}", new tools.jackson.core.type.TypeReference<Map<String, Map<String, Integer>>>() {
                }));

        assertThat(JsonPointers.of(wrongType.getPath())).isEqualTo("/a~1b~0c/n");
    }

    @Test
    void pointsAtTheWholeDocumentForAnEmptyPath() {
        assertThat(JsonPointers.of(List.of())).isEmpty();
    }

    record Email(String email) {
    }

    record Batch(List<Email> items) {
    }

    @RestController
    static class Leads {

        @PostMapping(path = "/leads", consumes = MediaType.APPLICATION_JSON_VALUE)
        String capture(@RequestBody Map<String, Object> lead) {
            return "ok";
        }

        @PostMapping(path = "/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
        String batch(@RequestBody Batch batch) {
            return "ok";
        }
    }

    @RestControllerAdvice
    static class ServiceProblems extends LeadLoopProblemHandler {
    }
}
