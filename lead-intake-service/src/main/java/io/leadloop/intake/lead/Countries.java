package io.leadloop.intake.lead;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Country codes to ISO 3166-1 alpha-2 (from alpha-2 or alpha-3, any case), using the JDK's own tables. */
final class Countries {

    private static final Set<String> ALPHA_2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    private static final Map<String, String> ALPHA_3_TO_2 = ALPHA_2.stream()
            .collect(Collectors.toUnmodifiableMap(code -> Locale.of("", code).getISO3Country(), Function.identity(),
                    (first, second) -> first));

    private Countries() {
    }

    static Optional<String> toAlpha2(String raw) {
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (ALPHA_2.contains(code)) {
            return Optional.of(code);
        }
        return Optional.ofNullable(ALPHA_3_TO_2.get(code));
    }
}
