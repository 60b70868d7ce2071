package io.leadloop.intake.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.leadloop.events.LeadDetails;

/**
 * What makes two submissions the same person: the same normalised email (case-insensitive) or the same E.164
 * phone. Hashed, so the identity topic's keys carry no readable personal data.
 */
public final class PersonKeys {

    private PersonKeys() {
    }

    public static List<String> of(LeadDetails lead) {
        var keys = new ArrayList<String>(2);
        if (lead.getEmail() != null) {
            keys.add(DeliveryKeys.sha256("email|" + lead.getEmail().toLowerCase(Locale.ROOT)));
        }
        if (lead.getPhone() != null && lead.getPhone().startsWith("+")) {
            keys.add(DeliveryKeys.sha256("phone|" + lead.getPhone()));
        }
        return keys;
    }
}
