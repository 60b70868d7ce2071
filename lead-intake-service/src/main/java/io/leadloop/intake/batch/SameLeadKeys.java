package io.leadloop.intake.batch;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import io.leadloop.intake.lead.LeadSubmission;

/**
 * Rough keys under which two items of one batch could turn out to be the same delivery (same idempotency key) or
 * the same person (same email, same phone digits). Capturing two such items at once would race past the repeat and
 * returning-person checks (each sees the other as not yet known) and publish two leads for one person; so items
 * sharing a key are captured in order, each after the previous one is remembered. Rough on purpose: a false match
 * only costs a little parallelism, and {@code LeadIntake} does the exact, normalised comparison.
 */
final class SameLeadKeys {

    private static final int MIN_PHONE_DIGITS = 7;

    private SameLeadKeys() {
    }

    static Set<String> of(LeadSubmission lead, String idempotencyKey) {
        var keys = new LinkedHashSet<String>();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            keys.add("delivery|" + idempotencyKey);
        }
        if (lead.email() != null && !lead.email().isBlank()) {
            keys.add("email|" + lead.email().strip().toLowerCase(Locale.ROOT));
        }
        if (lead.phone() != null) {
            String digits = lead.phone().replaceAll("\\D", "");
            if (digits.length() >= MIN_PHONE_DIGITS) {
                // National and international forms of one number share their last digits.
                keys.add("phone|" + digits.substring(digits.length() - MIN_PHONE_DIGITS));
            }
        }
        return keys;
    }
}
