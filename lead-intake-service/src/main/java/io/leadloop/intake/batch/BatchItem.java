package io.leadloop.intake.batch;

import java.util.List;
import java.util.Set;

import io.leadloop.intake.capture.Delivery;
import io.leadloop.intake.lead.FieldProblem;

/** One element of a batch, as read: a delivery to capture, or what made it unreadable. */
sealed interface BatchItem {

    /** Position in the request's array; results and JSON pointers use it. */
    int index();

    /**
     * @param sameLeadKeys what could make this item the same delivery or person as another item of the batch
     *     (see {@link SameLeadKeys}); such items are captured one after the other, not at once
     */
    record Readable(int index, Delivery delivery, Set<String> sameLeadKeys) implements BatchItem {
    }

    /** @param problems JSON pointers into the whole request ({@code /3/company/employees}) */
    record Unreadable(int index, List<FieldProblem> problems) implements BatchItem {
    }
}
