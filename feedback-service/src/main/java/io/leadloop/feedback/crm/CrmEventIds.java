package io.leadloop.feedback.crm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@code FeedbackRecorded} event id of a CRM delivery: a name-based UUID of the CRM and its own delivery id,
 * so a repeated delivery is published under the same id and consumers can drop it.
 */
public final class CrmEventIds {

    private CrmEventIds() {
    }

    /** E.g. {@code of("hubspot", "5799819", "802835955")}. */
    public static String of(String crm, String... deliveryId) {
        return UUID.nameUUIDFromBytes((crm + ":" + String.join(":", deliveryId)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
