package io.leadloop.qualification.web;

import static io.leadloop.testsupport.BadInputMvc.assertWellBehaved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willReturn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.leadloop.qualification.access.DefinitionApprovers;
import io.leadloop.qualification.definitions.ApprovalConflictException;
import io.leadloop.qualification.definitions.Backtest;
import io.leadloop.qualification.definitions.DefinitionDocument;
import io.leadloop.qualification.definitions.DefinitionState;
import io.leadloop.qualification.definitions.UnknownDefinitionException;
import io.leadloop.qualification.learning.CampaignTally;
import io.leadloop.qualification.learning.RejectionReasonPredictors;
import io.leadloop.qualification.scoring.DefinitionParameters;
import io.leadloop.qualification.streams.LeadDefinitions;
import io.leadloop.qualification.streams.QualificationStores;
import io.leadloop.qualification.streams.StreamsInstances;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input against qualification's HTTP API through the real controllers, problem handler and Boot's JSON setup
 * (a {@code @WebMvcTest} slice): proposing and approving lead definitions, and hostile path segments and query values
 * on every read. Never a 5xx, never a hang, every refusal a problem+json saying what was wrong, and a valid proposal
 * or approval still taken.
 *
 * <p>Only the Kafka side is replaced: {@link LeadDefinitions} (which publishes to the definitions topic and reads the
 * global store) by a stand-in that runs the real document parsing and approval rule without publishing, and the
 * Streams stores by mocks answering "nothing learned yet".
 */
@WebMvcTest({LeadDefinitionsController.class, LeadScoreController.class, RejectionReasonsController.class,
        CampaignOutcomesController.class})
@Import(DefinitionApprovers.class)
class DefinitionsBadInputPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String BUILTIN_VERSION = "builtin-1";
    /** A version proposed and waiting for approvals: approvals to it can succeed. */
    private static final String PROPOSED_VERSION = "v2";
    private static final DefinitionState BUILTIN = new DefinitionState(BUILTIN_VERSION,
            DefinitionDocument.of(BUILTIN_VERSION, DefinitionParameters.BUILTIN).json(), null, Instant.EPOCH, List.of(),
            Instant.EPOCH);
    private static final DefinitionState PROPOSED = DefinitionState.proposed(
            DefinitionDocument.of(PROPOSED_VERSION, DefinitionParameters.BUILTIN), "u-mia", NOW);

    private static final String VALID_DEFINITION = DefinitionDocument.of("v3", DefinitionParameters.BUILTIN).json();
    /** Top-level and nested fields: BadInput replaces the first occurrence of each, at whatever depth. */
    private static final List<String> DEFINITION_FIELDS = List.of("version", "mqlThreshold", "priority", "hot", "warm",
            "rules", "jobTitle", "decisionMaker", "companySize", "minEmployees", "points", "emailDomain", "freeMail",
            "visits", "atLeast", "highIntentForm", "forms", "disqualifiers", "noConsent", "studentOrJobSeeker");
    private static final String VALID_APPROVAL = "{\"approver\":\"u-ana\",\"team\":\"marketing\"}";
    private static final List<String> APPROVAL_FIELDS = List.of("approver", "team");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private LeadDefinitions definitions;
    @MockitoBean
    private QualificationStores stores;
    @MockitoBean
    private StreamsInstances instances;

    /** jqwik has no Spring extension: let Spring's TestContext framework set this instance up (context cached). */
    DefinitionsBadInputPropertiesTest() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        // willAnswer(..).given(..): re-stubbing with given(mock.call()) would run the previous instance's answer
        willReturn(BUILTIN).given(definitions).active();
        willAnswer(call -> version(call.getArgument(0))).given(definitions).get(anyString());
        willAnswer(call -> {
            DefinitionDocument document = DefinitionDocument.parse(call.getArgument(0));
            if (document.version().equals(BUILTIN_VERSION) || document.version().equals(PROPOSED_VERSION)) {
                throw new ApprovalConflictException(document.version(), "Version exists already");
            }
            return DefinitionState.proposed(document, call.getArgument(1), NOW);
        }).given(definitions).propose(anyString(), any());
        willAnswer(call -> {
            DefinitionState state = version(call.getArgument(0));
            if (state == BUILTIN) {
                throw new ApprovalConflictException(BUILTIN_VERSION, "The built-in definition needs no approval");
            }
            return state.approve(call.getArgument(1), call.getArgument(2), NOW);
        }).given(definitions).approve(anyString(), anyString(), anyString());
        willAnswer(call -> DefinitionDocument.parse(version(call.getArgument(0)).document())
                .changesAgainst(DefinitionDocument.parse(BUILTIN.document()))).given(definitions).diff(anyString());
        willAnswer(call -> {
            DefinitionState proposed = version(call.getArgument(0));
            String against = call.getArgument(1);
            DefinitionState compared = against == null || against.isBlank() ? BUILTIN : version(against);
            return new Backtest.Result(new Backtest.Side(proposed.version(), 0, 0, 0, 0, 0),
                    new Backtest.Side(compared.version(), 0, 0, 0, 0, 0), 0, Map.of(), List.of());
        }).given(definitions).backtest(anyString(), any(), anyBoolean());
        willAnswer(call -> new CampaignTally(call.getArgument(0), null, 0)).given(stores).campaignTally(anyString());
        willAnswer(call -> RejectionReasonPredictors.of(call.getArgument(0), call.getArgument(1), Map.of(), key -> 0,
                call.getArgument(2))).given(stores).rejectionReason(anyString(), anyString(), anyInt());
    }

    private static DefinitionState version(String version) {
        return switch (version) {
            case BUILTIN_VERSION -> BUILTIN;
            case PROPOSED_VERSION -> PROPOSED;
            default -> throw new UnknownDefinitionException(version);
        };
    }

    // POST /api/v1/definitions

    @Property(tries = 800, shrinking = ShrinkingMode.OFF)
    void proposingNeverAnswers5xxAndExplainsEveryRefusal(@ForAll("definitionRequests") Request request,
            @ForAll("proposers") String proposedBy) throws Exception {
        MvcResult result = send(post("/api/v1/definitions").param("proposedBy", proposedBy), request);
        Statistics.collect(result.getResponse().getStatus());
        assertWellBehaved(result);
        if (result.getResponse().getStatus() == 400) {
            // A refused document names what was wrong by JSON pointer (Spring's own refusals aside: no body read)
            JsonNode problem = JSON.readTree(result.getResponse().getContentAsByteArray());
            if (problem.path("type").asString().endsWith("/invalid-definition")) {
                assertThat(problem.path("errors").size()).as("%.300s", problem).isPositive();
            }
        }
    }

    @Property(tries = 300)
    void everyValidProposalIsTaken(@ForAll("validDefinitions") String definition) throws Exception {
        MvcResult result = send(post("/api/v1/definitions"), Request.of("application/json", definition));

        assertThat(result.getResponse().getStatus()).as("%.500s", result.getResponse().getContentAsString())
                .isEqualTo(201);
        String version = JSON.readTree(definition).path("version").asString();
        assertThat(JSON.readTree(result.getResponse().getContentAsByteArray()).path("version").asString())
                .isEqualTo(version);
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/definitions/" + version);
    }

    // POST /api/v1/definitions/{version}/approvals

    @Property(tries = 600, shrinking = ShrinkingMode.OFF)
    void approvingNeverAnswers5xxAndExplainsEveryRefusal(@ForAll("approvalRequests") Request request,
            @ForAll("versions") String version) throws Exception {
        MvcResult result = send(post("/api/v1/definitions/{version}/approvals", version), request);
        Statistics.collect(result.getResponse().getStatus());
        assertWellBehaved(result);
    }

    @Property(tries = 200)
    void everyValidApprovalIsTaken(@ForAll("validApprovals") String approval) throws Exception {
        MvcResult result = send(post("/api/v1/definitions/{version}/approvals", PROPOSED_VERSION),
                Request.of("application/json", approval));

        assertThat(result.getResponse().getStatus()).as("%s -> %.500s", approval,
                result.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(JSON.readTree(result.getResponse().getContentAsByteArray()).path("approvals").size()).isEqualTo(1);
    }

    // GET endpoints: hostile path segments and query values

    @Property(tries = 800, shrinking = ShrinkingMode.OFF)
    void readsNeverAnswer5xxWhateverThePathSegmentOrQuery(@ForAll("reads") Read read, @ForAll("versions") String segment,
            @ForAll("queryValues") String query) throws Exception {
        MvcResult result = send(read.request(segment, query), Request.withoutBody(read.headers()));
        Statistics.label("endpoint").collect(read.name());
        Statistics.label("status").collect(read.name() + " " + result.getResponse().getStatus());
        assertWellBehaved(result);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void readsNeverAnswer5xxToRawMalformedPaths(@ForAll("rawPaths") String path) throws Exception {
        MvcResult result = send(get(URI.create(path)), Request.withoutBody(List.of()));
        Statistics.collect(result.getResponse().getStatus());
        assertWellBehaved(result);
    }

    @Example
    void givesSpringsOwnRefusalsAStableProblemType() throws Exception {
        BadInputMvc.assertProblem(send(post("/api/v1/definitions"), Request.of("text/plain", VALID_DEFINITION)), 415,
                "unsupported-media-type");
    }

    @Example
    void refusesAFormBodyWithABadEscapeOnAnyPathAsAProblem() throws Exception {
        MvcResult result = send(delete("/api/v1/definitions/{version}", PROPOSED_VERSION),
                Request.of("application/x-www-form-urlencoded", "name=%zz"));

        assertThat(result.getResponse().getStatus()).isEqualTo(405);
        assertWellBehaved(result);
    }

    @Example
    void namesTheFieldOfAnApprovalOfTheWrongShape() throws Exception {
        MvcResult result = send(post("/api/v1/definitions/{version}/approvals", PROPOSED_VERSION),
                Request.of("application/json", "{\"approver\":{\"a\":1},\"team\":\"sales\"}"));

        JsonNode problem = BadInputMvc.assertProblem(result, 400, "malformed-request");
        assertThat(problem.path("errors").path(0).path("pointer").asString()).isEqualTo("/approver");
    }

    @Provide
    Arbitrary<Request> definitionRequests() {
        return requests(BadInput.hostileBodies(VALID_DEFINITION, DEFINITION_FIELDS));
    }

    @Provide
    Arbitrary<Request> approvalRequests() {
        return requests(BadInput.hostileBodies(VALID_APPROVAL, APPROVAL_FIELDS));
    }

    @Provide
    Arbitrary<String> proposers() {
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.just("x".repeat(5_000)));
    }

    /** A path segment: mostly a real version, else anything at all (sent encoded, so it arrives as it is). */
    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.frequencyOf(List.of(Tuple.of(3, Arbitraries.of(PROPOSED_VERSION, BUILTIN_VERSION)),
                Tuple.of(2, Arbitraries.of("v-never-proposed", "%00", "%ff", "..", ".", " ", "\u0000", "a/b", "a\\b",
                        ";jsessionid=1", "{version}", "*", "?x=1", "#frag", "\uD83D\uDE00", "\u202Ertl", "active",
                        "x".repeat(5_000), "../../actuator/health")),
                Tuple.of(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(80))));
    }

    @Provide
    Arbitrary<String> queryValues() {
        return Arbitraries.frequencyOf(List.of(Tuple.of(2, Arbitraries.of(PROPOSED_VERSION, BUILTIN_VERSION, "")),
                Tuple.of(1, Arbitraries.of("%00", "%ff", "&against=v2", "x".repeat(10_000), "\u0000", "null", " ")),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(60))));
    }

    @Provide
    Arbitrary<Read> reads() {
        return Arbitraries.of(
                new Read("definition", (segment, query) -> get("/api/v1/definitions/{version}", segment), List.of()),
                new Read("diff", (segment, query) -> get("/api/v1/definitions/{version}/diff", segment), List.of()),
                new Read("backtest", (segment, query) -> get("/api/v1/definitions/{version}/backtest", segment)
                        .param("against", query), List.of()),
                new Read("backtest-forwarded", (segment, query) -> get("/api/v1/definitions/{version}/backtest", segment)
                        .param("against", query, query),
                        List.of(Map.entry(StreamsInstances.FORWARDED_HEADER, "1"),
                                Map.entry(StreamsInstances.FORWARDED_HEADER, "2"))),
                new Read("score", (segment, query) -> get("/api/v1/leads/{leadId}/score", segment), List.of()),
                new Read("score-forwarded", (segment, query) -> get("/api/v1/leads/{leadId}/score", segment),
                        List.of(Map.entry(StreamsInstances.FORWARDED_HEADER, "true"),
                                Map.entry("Accept", "]]not-a-type"))),
                new Read("rejection-reason", (segment, query) -> get("/api/v1/learning/rejection-reasons/{reason}",
                        segment).param("segment", query), List.of()),
                new Read("campaign-outcomes", (segment, query) -> get("/api/v1/campaigns/{campaignId}/outcomes",
                        segment), List.of(Map.entry("Accept", "text/html"))));
    }

    /** Paths as a client could put them on the wire: bad escapes, encoded slashes and dots, matrix parameters. */
    @Provide
    Arbitrary<String> rawPaths() {
        Arbitrary<String> segments = Arbitraries.of("%00", "%ff", "%c3%28", "%ed%a0%80", "%2e%2e", "%2f", "..%2f..%2f",
                "%252e", ";a=b", "v2;a=b", "%20", "%0d%0aX-Injected:%201", "~", "%7e", "%u0041", "%", "%%", "%e2%80%ae");
        Arbitrary<String> templates = Arbitraries.of("/api/v1/definitions/%s", "/api/v1/definitions/%s/diff",
                "/api/v1/definitions/%s/backtest?against=%s", "/api/v1/leads/%s/score",
                "/api/v1/learning/rejection-reasons/%s?segment=%s", "/api/v1/campaigns/%s/outcomes");
        return Combinators.combine(templates, segments, segments).as((template, first, second) ->
                template.formatted(first, second)).filter(path -> {
                    try {
                        URI.create(path);
                        return true;
                    } catch (IllegalArgumentException notAUri) {
                        return false; // no client can send it; the server never sees it
                    }
                });
    }

    @Provide
    Arbitrary<String> validDefinitions() {
        Arbitrary<String> versions = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z')
                        .withCharRange('A', 'Z').numeric().ofLength(1),
                Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("._-").ofMaxLength(63))
                .as(String::concat).filter(v -> !v.equals(BUILTIN_VERSION) && !v.equals(PROPOSED_VERSION));
        Arbitrary<Integer> thresholds = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Integer> points = Arbitraries.integers().between(-1_000, 1_000);
        Arbitrary<List<String>> forms = Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
                .filter(form -> !form.isBlank()).list().ofMaxSize(5);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(versions, thresholds, thresholds, thresholds, points, forms, flags)
                .as((version, mql, first, second, jobPoints, formIds, noConsent) -> {
                    ObjectNode root = (ObjectNode) JSON.readTree(VALID_DEFINITION);
                    root.put("version", version);
                    root.put("mqlThreshold", mql);
                    ((ObjectNode) root.get("priority")).put("hot", Math.max(first, second)).put("warm",
                            Math.min(first, second));
                    ((ObjectNode) root.get("rules").get("jobTitle")).put("decisionMaker", jobPoints);
                    ArrayNode formList = ((ObjectNode) root.get("rules").get("highIntentForm")).putArray("forms");
                    formIds.forEach(formList::add);
                    ((ObjectNode) root.get("disqualifiers")).put("noConsent", noConsent);
                    return JSON.writeValueAsString(root);
                });
    }

    @Provide
    Arbitrary<String> validApprovals() {
        Arbitrary<String> approvers = Arbitraries.strings().ofMinLength(1).ofMaxLength(60).filter(s -> !s.isBlank());
        Arbitrary<String> teams = Arbitraries.of("marketing", "sales", "MARKETING", " Sales ", "\tmarketing\n");
        return Combinators.combine(approvers, teams, BadInput.fieldNames()
                        .filter(name -> !APPROVAL_FIELDS.contains(name)), Arbitraries.of("1", "null", "[]", "{\"a\":1}"))
                .as((approver, team, extraName, extraValue) -> "{" + BadInput.quoted(extraName) + ":" + extraValue
                        + ",\"approver\":" + BadInput.quoted(approver) + ",\"team\":" + BadInput.quoted(team) + "}");
    }

    private static Arbitrary<Request> requests(Arbitrary<byte[]> bodies) {
        Arbitrary<String> types = BadInput.mostlyJsonContentTypes();
        // mostly no odd header, so that most tries reach the body parser instead of stopping at content negotiation
        Arbitrary<List<Map.Entry<String, String>>> headers = Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.just(List.<Map.Entry<String, String>>of())),
                Tuple.of(1, Arbitraries.of(List.of(Map.entry("Accept", "text/html")),
                        List.of(Map.entry("Accept", "]]not-a-type")),
                        List.of(Map.entry(StreamsInstances.FORWARDED_HEADER, "1"),
                                Map.entry(StreamsInstances.FORWARDED_HEADER, "2")),
                        List.of(Map.entry("Content-Type", "application/json"), Map.entry("Content-Type", "text/plain"))))));
        return Combinators.combine(types, bodies, headers).as(Request::new);
    }

    /** A GET endpoint, built from a hostile path segment and query value, with the headers it is sent with. */
    record Read(String name, java.util.function.BiFunction<String, String, MockHttpServletRequestBuilder> request,
            List<Map.Entry<String, String>> headers) {

        MockHttpServletRequestBuilder request(String segment, String query) {
            return request.apply(segment, query);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private MvcResult send(MockHttpServletRequestBuilder target, Request request) throws Exception {
        return BadInputMvc.send(mvc, target, request);
    }
}
