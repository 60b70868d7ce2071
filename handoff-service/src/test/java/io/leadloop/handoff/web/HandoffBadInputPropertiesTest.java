package io.leadloop.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.leadloop.handoff.access.HandoffAccess;
import io.leadloop.handoff.assignment.HandoffLookup;
import io.leadloop.handoff.roster.RosterService;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.testsupport.BadInput;
import io.leadloop.testsupport.BadInput.Request;
import io.leadloop.testsupport.BadInputMvc;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against handoff's HTTP API through the real controllers, problem handler, access rules and Boot's
 * JSON setup (a {@code @WebMvcTest} slice; the roster's Kafka side and the handoff stores mocked): the rep upsert's
 * JSON body, and hostile rep and lead ids on every path. Never a 5xx, never a hang, every refusal a problem+json
 * saying what was wrong, and a valid rep still taken.
 */
@WebMvcTest({HandoffController.class, RepController.class})
@Import(HandoffAccess.class)
class HandoffBadInputPropertiesTest {

    private static final String KNOWN_REP = "rep-ana";
    private static final RepRoster ROSTER = new RepRoster(List.of(new Rep(KNOWN_REP, "Ana Lima", "inbound-americas"),
            new Rep("rep-bo", "Bo Chen", "inbound-apac")));
    private static final String VALID_REP = "{\"name\":\"Di Park\",\"team\":\"inbound-emea\",\"managerId\":\"mgr-1\","
            + "\"weight\":2,\"maxOpenLeads\":10,\"dailyCap\":5,\"territories\":[\"DE\",\"US-CA\"],"
            + "\"segments\":[\"SMB\",\"mid\"],\"skills\":[\"language:de\"],\"accountDomains\":[\"acme.io\"],"
            + "\"outOfOfficeFrom\":\"2026-12-24T00:00:00Z\",\"outOfOfficeUntil\":\"2027-01-02T00:00:00Z\"}";
    private static final List<String> REP_FIELDS = List.of("name", "team", "managerId", "weight", "maxOpenLeads",
            "dailyCap", "territories", "segments", "skills", "accountDomains", "outOfOfficeFrom", "outOfOfficeUntil");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private RosterService roster;
    @MockitoBean
    private HandoffLookup handoffs;

    /** jqwik has no Spring extension: let Spring's TestContext framework set this instance up (context cached). */
    HandoffBadInputPropertiesTest() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        given(roster.current()).willReturn(ROSTER);
        // handoffs.find / openQueue: Mockito's defaults (no handoff, an empty queue) are what the stores say for any id
    }

    // PUT /api/v1/reps/{repId}

    @Property(tries = 800, shrinking = ShrinkingMode.OFF)
    void repUpsertNeverAnswers5xxAndExplainsEveryRefusal(@ForAll("repRequests") Request request,
            @ForAll("repIds") String repId) throws Exception {
        MvcResult result = send(put("/api/v1/reps/{repId}", repId), request);
        Statistics.collect(result.getResponse().getStatus());
        assertWellBehaved(result);
        if (result.getResponse().getStatus() == 202) {
            assertThat(JSON.readTree(result.getResponse().getContentAsByteArray()).path("id").asString()).isEqualTo(repId);
        }
    }

    @Property(tries = 300)
    void everyValidRepIsTakenWhateverUnknownFieldsItCarries(@ForAll("validRepIds") String repId,
            @ForAll("validReps") String rep) throws Exception {
        MvcResult result = send(put("/api/v1/reps/{repId}", repId), Request.of("application/json", rep));

        assertThat(result.getResponse().getStatus()).as("%s -> %.500s", rep, result.getResponse().getContentAsString())
                .isEqualTo(202);
        JsonNode answer = JSON.readTree(result.getResponse().getContentAsByteArray());
        assertThat(answer.path("id").asString()).isEqualTo(repId);
        assertThat(answer.path("name").asString()).isEqualTo(JSON.readTree(BadInput.utf8(rep)).path("name").asString().strip());
    }

    // DELETE /api/v1/reps/{repId}, GET /api/v1/reps/{repId}/queue, GET /api/v1/handoffs/{leadId}

    @Property(tries = 600, shrinking = ShrinkingMode.OFF)
    void pathsNeverAnswer5xxWhateverTheId(@ForAll("paths") Path path, @ForAll("repIds") String id,
            @ForAll("headers") List<Map.Entry<String, String>> headers) throws Exception {
        MvcResult result = send(path.request().apply(id), Request.withoutBody(headers));
        Statistics.label("endpoint").collect(path.name());
        Statistics.label("status").collect(path.name() + " " + result.getResponse().getStatus());
        assertWellBehaved(result);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void pathsNeverAnswer5xxToRawMalformedPaths(@ForAll("rawPaths") Tuple.Tuple2<String, String> methodAndPath)
            throws Exception {
        String path = methodAndPath.get2();
        MvcResult result = send(switch (methodAndPath.get1()) {
            case "DELETE" -> delete(URI.create(path));
            case "PUT" -> put(URI.create(path)).contentType(MediaType.APPLICATION_JSON).content(VALID_REP);
            default -> get(URI.create(path));
        }, Request.withoutBody(List.of()));
        Statistics.collect(methodAndPath.get1() + " " + result.getResponse().getStatus());
        assertWellBehaved(result);
    }

    @Example
    void givesSpringsOwnRefusalsAStableProblemType() throws Exception {
        BadInputMvc.assertProblem(send(put("/api/v1/reps/{repId}", "rep-di"), Request.of("text/plain", VALID_REP)), 415,
                "unsupported-media-type");
    }

    @Example
    void refusesAFormBodyWithABadEscapeAsAnUnsupportedMediaType() throws Exception {
        MvcResult result = send(put("/api/v1/reps/{repId}", "rep-di"),
                Request.of("application/x-www-form-urlencoded", "name=%zz"));

        assertThat(result.getResponse().getStatus()).isEqualTo(415);
        assertWellBehaved(result);
    }

    @Example
    void namesTheFieldOfARepOfTheWrongShape() throws Exception {
        MvcResult result = send(put("/api/v1/reps/{repId}", "rep-di"),
                Request.of("application/json", "{\"name\":\"Di Park\",\"weight\":{\"a\":1}}"));

        JsonNode problem = BadInputMvc.assertProblem(result, 400, "malformed-request");
        assertThat(problem.path("errors").path(0).path("pointer").asString()).isEqualTo("/weight");
    }

    @Provide
    Arbitrary<Request> repRequests() {
        return Combinators.combine(BadInput.mostlyJsonContentTypes(), BadInput.hostileBodies(VALID_REP, REP_FIELDS),
                headers()).as(Request::new);
    }

    @Provide
    Arbitrary<List<Map.Entry<String, String>>> headers() {
        // mostly no odd header, so that most tries reach the body parser instead of stopping at content negotiation
        return Arbitraries.frequencyOf(List.of(Tuple.of(4, Arbitraries.just(List.<Map.Entry<String, String>>of())),
                Tuple.of(1, Arbitraries.of(List.of(Map.entry("Accept", "text/html")),
                        List.of(Map.entry("Accept", "]]not-a-type")),
                        List.of(Map.entry("X-Actor", "ops@acme.io"), Map.entry("X-Actor", "")),
                        List.of(Map.entry("X-Actor", "x".repeat(10_000))),
                        List.of(Map.entry("Content-Type", "application/json"), Map.entry("Content-Type", "text/plain"))))));
    }

    /** A path segment: mostly a rep on the roster, else anything at all (sent encoded, so it arrives as it is). */
    @Provide
    Arbitrary<String> repIds() {
        return Arbitraries.frequencyOf(List.of(Tuple.of(3, Arbitraries.of(KNOWN_REP, "rep-di")),
                Tuple.of(2, Arbitraries.of("rep-never-seen", "%00", "%ff", "..", ".", " ", "\u0000", "a/b", "a\\b",
                        ";jsessionid=1", "{repId}", "*", "?x=1", "#frag", "\uD83D\uDE00", "\u202Ertl", "-rep",
                        "x".repeat(64), "x".repeat(65), "x".repeat(5_000), "../../actuator/health")),
                Tuple.of(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(80))));
    }

    @Provide
    Arbitrary<Path> paths() {
        return Arbitraries.of(
                new Path("delete-rep", id -> delete("/api/v1/reps/{repId}", id)),
                new Path("rep-queue", id -> get("/api/v1/reps/{repId}/queue", id)),
                new Path("handoff", id -> get("/api/v1/handoffs/{leadId}", id)));
    }

    /** Paths as a client could put them on the wire: bad escapes, encoded slashes and dots, matrix parameters. */
    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> rawPaths() {
        Arbitrary<String> segments = Arbitraries.of("%00", "%ff", "%c3%28", "%ed%a0%80", "%2e%2e", "%2f", "..%2f..%2f",
                "%252e", ";a=b", "rep-ana;a=b", "%20", "%0d%0aX-Injected:%201", "~", "%7e", "%e2%80%ae", "rep-ana%00");
        Arbitrary<Tuple.Tuple2<String, String>> templates = Arbitraries.of(Tuple.of("PUT", "/api/v1/reps/%s"),
                Tuple.of("DELETE", "/api/v1/reps/%s"), Tuple.of("GET", "/api/v1/reps/%s/queue"),
                Tuple.of("GET", "/api/v1/handoffs/%s"));
        return Combinators.combine(templates, segments)
                .as((template, segment) -> Tuple.of(template.get1(), template.get2().formatted(segment)));
    }

    @Provide
    Arbitrary<String> validRepIds() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric()
                        .ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("._-").ofMaxLength(63))
                .as(String::concat);
    }

    @Provide
    Arbitrary<String> validReps() {
        Arbitrary<String> names = Arbitraries.strings().ofMinLength(1).ofMaxLength(60).filter(name -> !name.isBlank());
        Arbitrary<String> weight = Arbitraries.integers().between(1, 1000).map(String::valueOf).injectNull(0.2);
        Arbitrary<String> capacity = Arbitraries.integers().between(0, Integer.MAX_VALUE).map(String::valueOf)
                .injectNull(0.3);
        Arbitrary<List<String>> segments = Arbitraries.of("SMB", "mid", " Enterprise ", "ENTERPRISE").list().ofMaxSize(3);
        Arbitrary<List<String>> territories = Arbitraries.strings().ofMaxLength(20).list().ofMaxSize(4);
        Arbitrary<Long> absenceStart = Arbitraries.longs().between(0, 4_000_000_000L);
        Arbitrary<Long> absenceLength = Arbitraries.longs().between(1, 100_000_000L);
        Arbitrary<String> unknownField = Combinators.combine(BadInput.fieldNames()
                        .filter(field -> !REP_FIELDS.contains(field)), Arbitraries.of("1", "null", "[]", "{\"a\":1}", "\"x\""))
                .as((field, value) -> BadInput.quoted(field) + ":" + value + ",");
        return Combinators.combine(names, weight, capacity, segments, territories, absenceStart, absenceLength)
                .as((name, w, cap, segs, terr, from, length) -> "{" + "\"name\":" + BadInput.quoted(name)
                        + ",\"weight\":" + w + ",\"maxOpenLeads\":" + cap + ",\"dailyCap\":" + cap
                        + ",\"segments\":" + json(segs) + ",\"territories\":" + json(terr)
                        + ",\"outOfOfficeFrom\":\"" + Instant.ofEpochSecond(from) + "\""
                        + ",\"outOfOfficeUntil\":\"" + Instant.ofEpochSecond(from + length) + "\"}")
                .flatMap(body -> unknownField.map(extra -> "{" + extra + body.substring(1)));
    }

    private static String json(List<String> values) {
        return values.stream().map(BadInput::quoted).reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    /** Every answer well behaved ({@link BadInputMvc#assertWellBehaved}), and an invalid rep names its fields. */
    private static void assertWellBehaved(MvcResult result) throws Exception {
        BadInputMvc.assertWellBehaved(result);
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (status >= 400 && !body.isEmpty() && status != 406) {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("type").asString().endsWith("/invalid-rep")) {
                assertThat(problem.path("errors").size()).as("%.300s", body).isPositive();
            }
        }
    }

    /** An endpoint taking an id in its path. */
    record Path(String name, Function<String, MockHttpServletRequestBuilder> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    private MvcResult send(MockHttpServletRequestBuilder target, Request request) throws Exception {
        return BadInputMvc.send(mvc, target, request);
    }
}
