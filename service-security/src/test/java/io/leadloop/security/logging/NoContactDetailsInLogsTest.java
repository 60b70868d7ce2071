package io.leadloop.security.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Logs carry the lead id, never a person's email or phone: no log statement in any module's main code may pass
 * {@code getEmail()}, {@code getPhone()} (or a record's {@code email()} / {@code phone()}). The masking converter is
 * the safety net; this is the rule. A statement is read from {@code log.<level>(} to its closing parenthesis.
 */
class NoContactDetailsInLogsTest {

    private static final Pattern LOG_CALL = Pattern.compile("\\b(?:log|logger|LOG|LOGGER)\\s*\\.\\s*"
            + "(?:trace|debug|info|warn|error|atTrace|atDebug|atInfo|atWarn|atError)\\s*\\(");
    private static final Pattern CONTACT = Pattern.compile("\\b(?:getEmail|getPhone|email|phone)\\s*\\(\\s*\\)");

    @Test
    void noLogStatementPassesAnEmailOrPhone() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assumeTrue(root != null && Files.exists(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("schemas")),
                "not run from a LeadLoop checkout: nothing to scan");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            for (Path file : files.filter(NoContactDetailsInLogsTest::isMainSource).toList()) {
                offenders.addAll(offendersIn(root.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertThat(offenders).as("log statements that pass contact details (log the leadId instead)").isEmpty();
    }

    @Test
    void findsAnEmailPassedToALogStatement() {
        String source = """
                class X {
                    void y(LeadDetails lead) {
                        log.info("Captured {} for {}",
                                lead.getEmail(), lead.getLeadId());
                        log.info("Captured {}", lead.getLeadId());
                        String email = lead.getEmail();
                    }
                }""";

        assertThat(offendersIn("X.java", source)).containsExactly("X.java:3");
    }

    private static boolean isMainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && path.contains("/src/main/java/") && !path.contains("/target/")
                && !path.contains("/.git/");
    }

    static List<String> offendersIn(String name, String source) {
        List<String> offenders = new ArrayList<>();
        Matcher call = LOG_CALL.matcher(source);
        while (call.find()) {
            String statement = source.substring(call.start(), endOfCall(source, call.end()));
            if (CONTACT.matcher(statement).find()) {
                offenders.add(name + ":" + (source.substring(0, call.start()).split("\n", -1).length));
            }
        }
        return offenders;
    }

    /** The index after the parenthesis that closes the call whose arguments start at {@code from}. */
    private static int endOfCall(String source, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return source.length();
    }
}
