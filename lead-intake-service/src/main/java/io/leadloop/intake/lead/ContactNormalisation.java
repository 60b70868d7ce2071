package io.leadloop.intake.lead;

import java.util.Optional;

/**
 * The normalisation intake applies to a lead's email and phone, for code that must find a person by what they
 * give again (an erasure request): the same rules, so the same person is found.
 */
public final class ContactNormalisation {

    private ContactNormalisation() {
    }

    public static Optional<String> email(String raw) {
        return EmailAddresses.normalise(raw);
    }

    /** E.164, reading a national number in {@code region} (ISO 3166). */
    public static Optional<String> phone(String raw, String region) {
        return PhoneNumbers.toE164(raw, region);
    }
}
