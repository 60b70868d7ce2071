package io.leadloop.intake.privacy;

import java.time.Instant;
import java.util.List;

/**
 * An erasure as done: the keys shredded and {@code PersonErased} published for each person found. Carries no
 * email or phone.
 *
 * @param status {@code COMPLETED} (keys shredded, event published) or {@code NOTHING_FOUND} (nobody matched)
 */
public record Erasure(String erasureId, String status, List<String> personIds, List<String> leadIds,
        int keysShredded, Instant requestedAt, String requestedBy) {
}
