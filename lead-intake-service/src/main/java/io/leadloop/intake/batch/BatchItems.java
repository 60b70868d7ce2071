package io.leadloop.intake.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.leadloop.intake.capture.Delivery;
import io.leadloop.intake.lead.FieldProblem;
import io.leadloop.intake.lead.LeadSubmission;
import io.leadloop.security.problems.JsonPointers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a batch's JSON array item by item, so a wrong type in one lead (a string where a number belongs) makes
 * that item unreadable, not the whole batch. Each item is a lead exactly as {@code POST /api/v1/leads} takes it,
 * plus an optional {@value #IDEMPOTENCY_KEY} (removed before the lead is read, so it does not end up among the
 * lead's attributes).
 */
final class BatchItems {

    /** The per-item counterpart of the {@code Idempotency-Key} header. */
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private final JsonMapper json;

    BatchItems(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param items the request's array
     * @param batchKey the request's {@code Idempotency-Key}, if any: an item without its own key gets
     *     {@code <batchKey>#<index>}, so resending the same batch with the same header repeats every item
     */
    List<BatchItem> read(JsonNode items, String batchKey) {
        var read = new ArrayList<BatchItem>(items.size());
        for (int index = 0; index < items.size(); index++) {
            read.add(item(index, items.get(index), batchKey));
        }
        return read;
    }

    private BatchItem item(int index, JsonNode node, String batchKey) {
        String at = "/" + index;
        if (!(node instanceof ObjectNode given)) {
            return new BatchItem.Unreadable(index, List.of(new FieldProblem(at, "must be a JSON object (one lead)")));
        }
        ObjectNode lead = given.deepCopy();
        JsonNode key = lead.remove(IDEMPOTENCY_KEY);
        if (key != null && !key.isNull() && !key.isString()) {
            return new BatchItem.Unreadable(index,
                    List.of(new FieldProblem(at + "/" + IDEMPOTENCY_KEY, "must be a string")));
        }
        LeadSubmission submission;
        try {
            submission = json.treeToValue(lead, LeadSubmission.class);
        } catch (JacksonException wrongType) {
            String pointer = at + JsonPointers.of(wrongType.getPath());
            return new BatchItem.Unreadable(index, List.of(new FieldProblem(pointer, "wrong type or value")));
        }
        String deliveryId = Optional.ofNullable(key).filter(JsonNode::isString).map(JsonNode::asString)
                .filter(k -> !k.isBlank())
                .orElse(batchKey == null || batchKey.isBlank() ? null : batchKey + "#" + index);
        return new BatchItem.Readable(index, Delivery.viaApi(submission, deliveryId),
                SameLeadKeys.of(submission, deliveryId));
    }
}
