package io.leadloop.intake.lead;

import java.util.Optional;

/**
 * Benchmark-only window on intake's package-private {@link PhoneNumbers}; lives in this module, not in intake, and
 * adds nothing to what intake does.
 */
public final class PhoneNumbersAccess {

    private PhoneNumbersAccess() {
    }

    public static Optional<String> toE164(String raw, String region) {
        return PhoneNumbers.toE164(raw, region);
    }
}
