package io.leadloop.intake.badinput;

import static io.leadloop.testsupport.BadInput.utf8;
import static io.leadloop.testsupport.BadInputMvc.assertWellBehaved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import io.leadloop.events.LeadCaptured;
import io.leadloop.intake.IntakeProperties;
import io.leadloop.intake.api.ApiExamples;
import io.leadloop.intake.api.ApiWeb;
import io.leadloop.intake.batch.BatchWeb;
import io.leadloop.intake.capture.LeadIntake;
import io.leadloop.intake.forms.FormWeb;
import io.leadloop.intake.identity.KnownLeads;
import io.leadloop.intake.identity.KnownPerson;
import io.leadloop.intake.lead.LeadValidator;
import io.leadloop.intake.limits.LimitsProperties;
import io.leadloop.intake.limits.LimitsWeb;
import io.leadloop.intake.publishing.LeadPublisher;
import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.schemas.serde.TrustedAvroPackages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against intake's real HTTP entry points (the real controllers, problem handlers and limits filter;
 * Kafka replaced by a template that acknowledges at once): never a 5xx, never a hang, every refusal a problem+json
 * that says what was wrong, and every valid lead still taken.
 */
class IntakeBadInputPropertiesTest {

    static {
        TrustedAvroPackages.install();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM_SOURCE = "demo-form";

    private static final String VALID_LEAD = JSON.writeValueAsString(JSON.readTree(ApiExamples.FULL_LEAD));
    private static final List<String> LEAD_FIELDS = JSON.readTree(VALID_LEAD).propertyNames().stream().toList();

    private final MockMvc mvc = intakeWithoutKafka();

    // POST /api/v1/leads

    @Property(tries = 800, shrinking = ShrinkingMode.OFF)
    void singleLeadNeverAnswers5xxAndExplainsEveryRefusal(@ForAll("leadRequests") Request request) throws Exception {
        MvcResult result = send("/api/v1/leads", request);
        Statistics.collect(result.getResponse().getStatus());
        assertWellBehaved(result);
        if (result.getResponse().getStatus() == 202) {
            assertThat(JSON.readTree(result.getResponse().getContentAsByteArray()).path("leadId").asString()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void everyValidLeadIsTakenWhateverUnknownFieldsItCarries(@ForAll("validLeads") String lead) throws Exception {
        MvcResult result = send("/api/v1/leads", Request.of("application/json", lead));
        assertThat(result.getResponse().getStatus()).as("%.500s", result.getResponse().getContentAsString()).isEqualTo(202);
    }

    @Provide
    Arbitrary<Request> leadRequests() {
        return requests(BadInput.hostileBodies(VALID_LEAD, LEAD_FIELDS));
    }

    @Provide
    Arbitrary<String> validLeads() {
        // attribute names up to 200 characters and values up to 4000 are what intake promises to keep
        return Combinators.combine(BadInput.fieldNames().filter(name -> !LEAD_FIELDS.contains(name) && name.length() <= 200),
                Arbitraries.of("1", "\"x\"", "[]", "{\"a\":1}", "null", "\"" + "y".repeat(4_000) + "\""))
                .as((name, value) -> "{\"email\":\"" + UUID.randomUUID() + "@acme.io\",\"firstName\":\"Ana\","
                        + BadInput.quoted(name) + ":" + value + "}");
    }

    // POST /api/v1/leads/batch

    @Property(tries = 800, shrinking = ShrinkingMode.OFF)
    void batchNeverAnswers5xxAndExplainsEveryRefusal(@ForAll("batchRequests") Request request) throws Exception {
        MvcResult result = send("/api/v1/leads/batch", request);
        Statistics.collect(result.getResponse().getStatus());
        assertWellBehaved(result);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void batchTakesEveryValidItemNextToInvalidOnes(@ForAll("mixedBatches") List<Item> items) throws Exception {
        String body = items.stream().map(Item::json).reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElseThrow();
        MvcResult result = send("/api/v1/leads/batch", Request.of("application/json", body));

        assertThat(result.getResponse().getStatus()).as("%.500s", result.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode results = JSON.readTree(result.getResponse().getContentAsByteArray()).path("results");
        assertThat(results.size()).isEqualTo(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode itemResult = results.get(i);
            assertThat(itemResult.path("index").asInt()).isEqualTo(i);
            switch (items.get(i).kind()) {
                case VALID -> assertThat(itemResult.path("status").asInt()).as(itemResult.toString()).isEqualTo(202);
                case INVALID -> {
                    assertThat(itemResult.path("status").asInt()).as(itemResult.toString()).isEqualTo(400);
                    assertThat(itemResult.path("errors").isEmpty()).as(itemResult.toString()).isFalse();
                }
                case EITHER -> assertThat(itemResult.path("status").asInt()).as(itemResult.toString()).isIn(202, 400);
            }
        }
    }

    enum Kind { VALID, INVALID, EITHER }

    record Item(Kind kind, String json) {
    }

    @Provide
    Arbitrary<Request> batchRequests() {
        String validBatch = "[" + VALID_LEAD + ",{\"email\":\"bo@acme.io\"}]";
        Arbitrary<byte[]> bodies = frequency(
                weighted(3, BadInput.mutated(VALID_LEAD, LEAD_FIELDS).map(item -> utf8("[" + item + "]"))),
                weighted(4, BadInput.brokenBytes(validBatch)),
                weighted(2, BadInput.deepNesting().map(BadInput::utf8)),
                weighted(2, BadInput.wrongValues().map(BadInput::utf8)),
                weighted(1, Arbitraries.integers().between(501, 600).map(n -> utf8("[" + "{},".repeat(n - 1) + "{}]"))));
        return requests(bodies);
    }

    @Provide
    Arbitrary<List<Item>> mixedBatches() {
        Arbitrary<Item> valid = Arbitraries.just(0).map(ignored -> new Item(Kind.VALID,
                "{\"email\":\"" + UUID.randomUUID() + "@acme.io\",\"lastName\":\"Silva\"}"));
        Arbitrary<Item> invalid = Arbitraries.oneOf(
                Arbitraries.of("1", "\"lead\"", "null", "true", "[]", "[{}]", "1e400", "18446744073709551616",
                        BadInput.HUGE_STRING).map(json -> new Item(Kind.INVALID, json)),
                Arbitraries.of("{\"email\":\"not-an-email\"}", "{\"email\":42}", "{\"email\":[]}",
                        "{\"email\":\"a@b.c\",\"company\":\"Acme\"}", "{\"email\":\"a@acme.io\",\"consent\":[1]}",
                        "{\"phone\":\"call me\"}", "{\"email\":" + BadInput.HUGE_STRING + "}")
                        .map(json -> new Item(Kind.INVALID, json)));
        // (numbers past the parser's limits make the whole body unreadable: batchNeverAnswers5xx... tries those)
        Arbitrary<Item> either = BadInput.mutated(VALID_LEAD, LEAD_FIELDS)
                .filter(IntakeBadInputPropertiesTest::readable).map(json -> new Item(Kind.EITHER,
                json.replace("ana.silva@acme.io", UUID.randomUUID() + "@acme.io")));
        return frequency(weighted(3, valid), weighted(2, invalid), weighted(2, either)).list().ofMinSize(1).ofMaxSize(12);
    }

    // POST /forms/{source}

    @Property(tries = 600, shrinking = ShrinkingMode.OFF)
    void formNeverAnswers5xxAndExplainsEveryRefusal(@ForAll("formRequests") Request request,
            @ForAll("formSources") String source) throws Exception {
        MvcResult result = send("/forms/" + source, request);
        Statistics.collect(result.getResponse().getStatus());
        assertWellBehaved(result);
    }

    @Provide
    Arbitrary<String> formSources() {
        return frequency(weighted(5, Arbitraries.just(FORM_SOURCE)),
                weighted(1, Arbitraries.of("unknown", "DEMO-FORM", "demo-form%00", "%ff", "..", "a".repeat(2_000))));
    }

    @Provide
    Arbitrary<Request> formRequests() {
        String valid = "email=ana.silva%40acme.io&first_name=Ana&company=Acme&country=US";
        Arbitrary<String> broken = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                        Arbitraries.of("%", "%z", "%zz", "%00", "%ff%fe", "&&&", "=", "==", "%C3%28", "+",
                                "&" + "x".repeat(100_000) + "=1", "&email=" + "y".repeat(100_000), "&email=b%40acme.io"))
                        .as((at, junk) -> valid.substring(0, at) + junk + valid.substring(at)),
                Arbitraries.strings().ofMaxLength(200),
                Combinators.combine(BadInput.fieldNames(), Arbitraries.strings().ofMaxLength(50))
                        .as((name, value) -> valid + "&" + name + "=" + value));
        Arbitrary<byte[]> bodies = frequency(
                weighted(5, broken.map(BadInput::utf8)),
                weighted(3, BadInput.brokenBytes(valid)),
                weighted(1, Arbitraries.just(utf8(VALID_LEAD))));
        Arbitrary<String> types = frequency(
                weighted(6, Arbitraries.of("application/x-www-form-urlencoded",
                        "application/x-www-form-urlencoded;charset=UTF-8")),
                weighted(2, Arbitraries.of("application/x-www-form-urlencoded;charset=bogus",
                        "application/x-www-form-urlencoded;charset=UTF-16", "application/x-www-form-urlencoded;charset=")),
                weighted(2, BadInput.contentTypes()));
        Arbitrary<List<Map.Entry<String, String>>> headers = Arbitraries.of(
                List.<Map.Entry<String, String>>of(), List.of(Map.entry("Accept", "application/json")),
                List.of(Map.entry("Accept", "text/html")), List.of(Map.entry("Accept", "]]not-a-type")),
                List.of(Map.entry("Accept", "application/json"), Map.entry("Accept", "application/xml")),
                List.of(Map.entry("Referer", "not a url %%")), List.of(Map.entry("Referer", "https://acme.io/" + "p".repeat(10_000))),
                List.of(Map.entry("Origin", "https://evil.example")));
        return Combinators.combine(types, bodies, headers).as(Request::new);
    }

    // Examples of what the properties found

    @Example
    void refusesABodyWithAnEmptyCharsetAs415InsteadOfFailingWith500() throws Exception {
        MvcResult result = send("/forms/" + FORM_SOURCE, Request.of("application/x-www-form-urlencoded;charset=",
                "email=ana%40acme.io"));

        BadInputMvc.assertProblem(result, 415, "unsupported-charset");
    }

    @Example
    void givesSpringsOwnRefusalsAStableProblemType() throws Exception {
        BadInputMvc.assertProblem(send("/api/v1/leads", Request.of("text/plain", VALID_LEAD)), 415,
                "unsupported-media-type");
    }

    private Arbitrary<Request> requests(Arbitrary<byte[]> bodies) {
        Arbitrary<String> types = BadInput.mostlyJsonContentTypes();
        Arbitrary<List<Map.Entry<String, String>>> headers = Arbitraries.oneOf(
                Arbitraries.just(List.of()),
                Arbitraries.of(List.of(Map.entry("Idempotency-Key", "k-1"), Map.entry("Idempotency-Key", "k-2")),
                        List.of(Map.entry("Idempotency-Key", "")), List.of(Map.entry("Idempotency-Key", " ")),
                        List.of(Map.entry("Idempotency-Key", "k".repeat(100_000))),
                        List.of(Map.entry("Idempotency-Key", "\u0000\u00ff")),
                        List.of(Map.entry("Accept", "text/html")), List.of(Map.entry("Accept", "]]not-a-type")),
                        List.of(Map.entry("Content-Encoding", "gzip")),
                        List.of(Map.entry("Content-Type", "application/json"), Map.entry("Content-Type", "text/plain"))),
                Arbitraries.strings().ofMaxLength(40).map(key -> List.of(Map.entry("Idempotency-Key", key))));
        return Combinators.combine(types, bodies, headers).as(Request::new);
    }

    private MvcResult send(String path, Request request) throws Exception {
        return BadInputMvc.send(mvc, post(path), request);
    }

    private static MockMvc intakeWithoutKafka() {
        var meters = new SimpleMeterRegistry();
        var form = new SourceSettings("form", true, null, null, null, null, null, Map.of(), "spring-launch", null,
                List.of("https://acme.example"), 1_000_000, Duration.ofMinutes(5));
        var properties = new IntakeProperties("US", Duration.ofSeconds(5), new IntakeProperties.Topics(3, (short) 1),
                Map.of(FORM_SOURCE, form));
        var limits = new LimitsProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(5), 500, 1_000_000);
        var intake = new LeadIntake(new LeadValidator("US", Clock.systemUTC()), new RememberingLeads(),
                new LeadPublisher(acknowledgingKafka(), Clock.systemUTC()));
        var advice = new ArrayList<>(List.of(ApiWeb.problemHandlers(properties, meters)));
        advice.add(LimitsWeb.problems(properties, meters));
        return MockMvcBuilders.standaloneSetup(ApiWeb.leadController(intake, meters),
                        BatchWeb.batchController(JSON, intake, properties, limits, meters),
                        FormWeb.formController(properties, intake, meters))
                .setControllerAdvice(advice.toArray())
                .addFilters(LimitsWeb.filter(properties.sources(), limits, meters))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, LeadCaptured> acknowledgingKafka() {
        KafkaTemplate<String, LeadCaptured> kafka = mock(KafkaTemplate.class);
        given(kafka.send(anyString(), anyString(), any())).willAnswer(call -> java.util.concurrent.CompletableFuture
                .completedFuture(new SendResult<>(new ProducerRecord<>(call.getArgument(0), call.getArgument(1),
                        (LeadCaptured) call.getArgument(2)), new RecordMetadata(new TopicPartition("t", 0), 0, 0, 0, 0, 0))));
        return kafka;
    }

    /** What intake remembers, in memory. */
    private static final class RememberingLeads implements KnownLeads {
        private final Map<String, String> deliveries = new ConcurrentHashMap<>();
        private final Map<String, KnownPerson> people = new ConcurrentHashMap<>();

        @Override
        public Optional<String> leadOfDelivery(String deliveryKey) {
            return Optional.ofNullable(deliveries.get(deliveryKey));
        }

        @Override
        public Optional<KnownPerson> personOf(List<String> personKeys) {
            return personKeys.stream().map(people::get).filter(java.util.Objects::nonNull).findFirst();
        }

        @Override
        public void remember(String deliveryKey, List<String> personKeys, KnownPerson person) {
            deliveries.put(deliveryKey, person.leadId());
            personKeys.forEach(key -> people.put(key, person));
        }
    }

    private static boolean readable(String json) {
        try {
            JSON.readTree(json);
            return true;
        } catch (tools.jackson.core.JacksonException unreadable) {
            return false;
        }
    }

    private static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<T>> weighted(int frequency, Arbitrary<T> arbitrary) {
        return net.jqwik.api.Tuple.of(frequency, arbitrary);
    }

    @SafeVarargs
    private static <T> Arbitrary<T> frequency(net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<T>>... choices) {
        return Arbitraries.frequencyOf(List.of(choices));
    }
}
