package io.leadloop.intake.lead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consumer mailbox providers: an address there says nothing about the person's company, so no company domain is
 * derived from it. The list is a resource ({@code free-mail-domains.txt}), one domain per line.
 */
final class FreeMailDomains {

    private static final Set<String> DOMAINS = load();

    private FreeMailDomains() {
    }

    static boolean contains(String domain) {
        return DOMAINS.contains(domain.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (var in = FreeMailDomains.class.getResourceAsStream("/free-mail-domains.txt")) {
            if (in == null) {
                throw new IllegalStateException("free-mail-domains.txt missing from the classpath");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
