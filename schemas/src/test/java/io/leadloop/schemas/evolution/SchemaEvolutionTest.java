package io.leadloop.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.leadloop.events.LeadCaptured;
import io.leadloop.events.LeadHandedOff;
import io.leadloop.schemas.Compatibility;
import io.leadloop.schemas.Topic;
import io.leadloop.schemas.Topics;
import io.leadloop.schemas.evolution.ReleasedSchemas.Release;

/**
 * The schema evolution gate: fails the build when a changed {@code .avsc} breaks compatibility with a released
 * version of its event ({@code src/main/avro-released}), BACKWARD for every event and FULL where
 * {@link Compatibility} promises it. Release a schema with {@link ReleaseSchemas}.
 */
class SchemaEvolutionTest {

    static final List<Topic<?>> topics = Topics.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("topics")
    void everyEventHasAReleasedSchema(Topic<?> topic) {
        assertThat(releasesOf(topic))
                .as(event(topic) + " was never released; run: mvn -o -q -pl schemas test -Dtest=ReleaseSchemas -Drelease="
                        + event(topic))
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("topics")
    void theCurrentSchemaKeepsItsPromiseTowardsEveryReleasedVersion(Topic<?> topic) {
        Schema current = SpecificData.get().getSchema(topic.valueType());

        SchemaEvolutionGate.check(event(topic), current, releasesOf(topic), Compatibility.promisedFor(topic))
                .ifPresent(report -> fail(report));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("topics")
    void everyReleaseKeptThePromiseTowardsTheReleasesBeforeIt(Topic<?> topic) {
        List<Release> releases = releasesOf(topic);

        assertThat(releases).extracting(Release::version)
                .as("released versions of " + event(topic) + " are numbered 1..N")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, releases.size()).boxed().toList());
        for (int i = 1; i < releases.size(); i++) {
            SchemaEvolutionGate.check(event(topic), releases.get(i).schema(), releases.subList(0, i),
                    Compatibility.promisedFor(topic)).ifPresent(report -> fail(report));
        }
        releases.forEach(release -> assertThat(release.schema().getFullName())
                .as(release.file() + " holds the event it is named after")
                .isEqualTo(topic.valueType().getName()));
    }

    @Test
    void theCrmContractIsPromisedFullCompatibilityAndTheRestBackward() {
        assertThat(Compatibility.promisedFor(Topics.LEADS_HANDED_OFF)).isEqualTo(Compatibility.FULL);
        assertThat(Compatibility.promisedFor(Topics.LEADS_CAPTURED)).isEqualTo(Compatibility.BACKWARD);
    }

    @Test
    void failsANewFieldWithoutADefaultNamingTheFieldAndTheFix() {
        Schema withRequiredField = withField(LeadCaptured.getClassSchema(),
                new Schema.Field("region", Schema.create(Schema.Type.STRING)));

        var report = SchemaEvolutionGate.check("LeadCaptured", withRequiredField, releasesOf(Topics.LEADS_CAPTURED),
                Compatibility.BACKWARD);

        assertThat(report).hasValueSatisfying(message -> assertThat(message)
                .contains("LeadCaptured breaks its BACKWARD compatibility promise")
                .contains("cannot read LeadCaptured.v1 events")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE at field region")
                .contains("give every added field a default")
                .contains("new topic version"));
    }

    @Test
    void failsATypeChangeInsideANestedRecordNamingWhereItIs() {
        Schema changed = new Schema.Parser().parse(LeadCaptured.getClassSchema().toString()
                .replace("{\"name\":\"employees\",\"type\":[\"null\",\"int\"]",
                        "{\"name\":\"employees\",\"type\":[\"null\",\"boolean\"]"));

        var report = SchemaEvolutionGate.check("LeadCaptured", changed, releasesOf(Topics.LEADS_CAPTURED),
                Compatibility.BACKWARD);

        assertThat(report).hasValueSatisfying(message -> assertThat(message)
                .contains("MISSING_UNION_BRANCH at field lead.company [/fields/3/type/fields/5/type/1]"));
    }

    @Test
    void removingAFieldIsBackwardCompatibleButBreaksTheFullPromiseOfTheCrmContract() {
        Schema withoutOwner = withoutField(LeadHandedOff.getClassSchema(), "ownerRepId");
        List<Release> released = releasesOf(Topics.LEADS_HANDED_OFF);

        assertThat(SchemaEvolutionGate.check("LeadHandedOff", withoutOwner, released, Compatibility.BACKWARD)).isEmpty();
        assertThat(SchemaEvolutionGate.check("LeadHandedOff", withoutOwner, released, Compatibility.FULL))
                .hasValueSatisfying(message -> assertThat(message)
                        .contains("a consumer still on LeadHandedOff.v1 cannot read events written with the new schema")
                        .contains("ownerRepId"));
    }

    @Test
    void acceptsANewOptionalFieldWithADefaultEvenUnderFull() {
        Schema withOptionalField = withField(LeadHandedOff.getClassSchema(), new Schema.Field("territory",
                SchemaBuilder.unionOf().nullType().and().stringType().endUnion(), null, Schema.Field.NULL_DEFAULT_VALUE));

        assertThat(SchemaEvolutionGate.check("LeadHandedOff", withOptionalField, releasesOf(Topics.LEADS_HANDED_OFF),
                Compatibility.FULL)).isEmpty();
    }

    private static List<Release> releasesOf(Topic<?> topic) {
        return ReleasedSchemas.of(event(topic));
    }

    private static String event(Topic<?> topic) {
        return topic.valueType().getSimpleName();
    }

    private static Schema withField(Schema schema, Schema.Field extra) {
        var fields = copyFields(schema);
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static Schema withoutField(Schema schema, String name) {
        var fields = copyFields(schema);
        fields.removeIf(field -> field.name().equals(name));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static List<Schema.Field> copyFields(Schema schema) {
        var fields = new ArrayList<Schema.Field>();
        schema.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        return fields;
    }
}
