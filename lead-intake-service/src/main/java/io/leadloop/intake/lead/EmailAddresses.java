package io.leadloop.intake.lead;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises an email address: trimmed, domain lower-cased and converted to its ASCII (IDNA) form, local part
 * kept as given (it may be case-sensitive). Checks the shape only; deliverability is not knowable here.
 */
final class EmailAddresses {

    private static final Pattern LOCAL_PART = Pattern.compile("[^\\s@\"(),:;<>\\[\\\\\\]]{1,64}");
    private static final Pattern ASCII_DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    private EmailAddresses() {
    }

    /** The normalised address, or empty when it is not an email address. */
    static Optional<String> normalise(String raw) {
        String trimmed = raw.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.length() > 254) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(trimmed.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notADomain) {
            return Optional.empty();
        }
        if (!LOCAL_PART.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")
                || local.contains("..") || !ASCII_DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(local + "@" + domain);
    }
}
