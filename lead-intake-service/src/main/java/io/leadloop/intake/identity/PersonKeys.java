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
        return of(lead.getEmail(), lead.getPhone());
    }

    /** The keys of a normalised email and E.164 phone, either may be {@code null}. */
    public static List<String> of(String email, String phone) {
        var keys = new ArrayList<String>(2);
        if (email != null) {
            keys.add(DeliveryKeys.sha256("email|" + email.toLowerCase(Locale.ROOT)));
        }
        if (phone != null && phone.startsWith("+")) {
            keys.add(DeliveryKeys.sha256("phone|" + phone));
        }
        return keys;
    }
}
