package io.leadloop.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.leadloop.intake.lead.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

class BatchItemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BatchItems items = new BatchItems(JSON);

    @Test
    void readsEachItemAsALeadOfTheSingleLeadApi() {
        var read = items.read(JSON.readTree("""
                [{"email": "ana@acme.io", "company": {"name": "Acme"}, "favourite colour": "teal"}]"""), null);

        assertThat(read).singleElement().isInstanceOfSatisfying(BatchItem.Readable.class, item -> {
            assertThat(item.delivery().submission().email()).isEqualTo("ana@acme.io");
            assertThat(item.delivery().submission().company().name()).isEqualTo("Acme");
            assertThat(item.delivery().submission().unknownFields()).containsEntry("favourite colour", "teal");
            assertThat(item.delivery().source()).isEqualTo("api");
            assertThat(item.delivery().deliveryId()).isEmpty();
        });
    }

    @Test
    void makesAWrongTypeInOneItemThatItemsProblemNamingItByPointer() {
        var read = items.read(JSON.readTree("""
                [{"email": "ana@acme.io"}, {"email": "bo@acme.io", "company": {"employees": "many"}}]"""), null);

        assertThat(read.get(0)).isInstanceOf(BatchItem.Readable.class);
        assertThat(read.get(1)).isEqualTo(new BatchItem.Unreadable(1,
                java.util.List.of(new FieldProblem("/1/company/employees", "wrong type or value"))));
    }

    @Test
    void refusesAnItemThatIsNoObject() {
        var read = items.read(JSON.readTree("[\"ana@acme.io\", null]"), null);

        assertThat(read).extracting(BatchItem::index).containsExactly(0, 1);
        assertThat(read).allSatisfy(item -> assertThat(item).isInstanceOf(BatchItem.Unreadable.class));
    }

    @Test
    void takesAnItemsOwnIdempotencyKeyAndKeepsItOutOfTheLeadsAttributes() {
        var read = items.read(JSON.readTree("""
                [{"email": "ana@acme.io", "idempotencyKey": "row-1"}, {"email": "bo@acme.io"}]"""), "export-7");

        var first = (BatchItem.Readable) read.get(0);
        var second = (BatchItem.Readable) read.get(1);
        assertThat(first.delivery().deliveryId()).hasValue("row-1");
        assertThat(first.delivery().submission().unknownFields()).doesNotContainKey("idempotencyKey");
        assertThat(second.delivery().deliveryId()).hasValue("export-7#1");
    }

    @Test
    void refusesAnIdempotencyKeyThatIsNoString() {
        var read = items.read(JSON.readTree("[{\"email\": \"ana@acme.io\", \"idempotencyKey\": 7}]"), null);

        assertThat(read.getFirst()).isEqualTo(new BatchItem.Unreadable(0,
                java.util.List.of(new FieldProblem("/0/idempotencyKey", "must be a string"))));
    }

    @Test
    void keysItemsThatMayBeTheSamePersonAlike() {
        var national = new io.leadloop.intake.lead.LeadSubmission(null, "(415) 555-0100", null, null, null, null,
                null, null, null, null, null, null, null);
        var international = new io.leadloop.intake.lead.LeadSubmission(" Ana@Acme.io ", "+1 415 555 0100", null, null,
                null, null, null, null, null, null, null, null, null);

        assertThat(SameLeadKeys.of(national, null)).containsExactly("phone|5550100");
        assertThat(SameLeadKeys.of(international, "k")).containsExactly("delivery|k", "email|ana@acme.io",
                "phone|5550100");
    }
}
