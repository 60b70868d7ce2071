package io.leadloop.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of hostile request bodies (jqwik), built around a valid body so that each try breaks it in one way.
 * Shared by every service's bad-input properties; {@link BadInputMvc} sends them through MockMvc. Plain jqwik, no
 * Spring, so that a module without Spring MVC can use the generators.
 */
public final class BadInput {

    public static final String HUGE_STRING = "\"" + "x".repeat(100_000) + "\"";

    /** JSON values of the wrong type or out of every range, for any field. */
    public static Arbitrary<String> wrongValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e400", "-1e400", "18446744073709551616", "-18446744073709551617",
                        "1" + "0".repeat(5_000), "0." + "1".repeat(5_000), "1e-400", "NaN", "Infinity",
                        "true", "false", "null", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"\"", "\"\\u0000\"",
                        "\"\\ud800\"", "\"" + "\u00e9".repeat(1000) + "\"", HUGE_STRING, "42", "-1", "0.5"),
                Arbitraries.strings().ofMaxLength(40).map(BadInput::quoted),
                Arbitraries.integers().map(String::valueOf));
    }

    /** Field names nobody expects, including empty, unicode, huge and JSON-pointer-special ones. */
    public static Arbitrary<String> fieldNames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("", "~", "/", "~1/~0", "__proto__", "$ref", "email ", "EMAIL", "\u0000", "x".repeat(10_000)));
    }

    /** {@code levels} unclosed (or closed) levels of {@code [} or of {@code {"a":}. */
    public static Arbitrary<String> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(1_000, 10_000), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((levels, arrays, closed) -> {
                    String open = arrays ? "[" : "{\"a\":";
                    String close = arrays ? "]" : "}";
                    return open.repeat(levels) + "1" + (closed ? close.repeat(levels) : "");
                });
    }

    /** The valid body with one field replaced by a wrong value, a random field added, or a field duplicated. */
    public static Arbitrary<String> mutated(String validObject, List<String> fields) {
        Arbitrary<String> replaced = Combinators.combine(Arbitraries.of(fields), wrongValues())
                .as((field, value) -> replaceField(validObject, field, value));
        Arbitrary<String> added = Combinators.combine(fieldNames(), wrongValues())
                .as((name, value) -> "{" + quoted(name) + ":" + value + "," + validObject.substring(1));
        Arbitrary<String> duplicated = Combinators.combine(Arbitraries.of(fields), wrongValues())
                .as((field, value) -> validObject.substring(0, validObject.length() - 1) + ","
                        + quoted(field) + ":" + value + "}");
        return Arbitraries.oneOf(replaced, added, duplicated);
    }

    /** Bytes of a valid body broken as bytes: truncated anywhere, invalid UTF-8 or NUL inserted anywhere. */
    public static Arbitrary<byte[]> brokenBytes(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, bytes.length - 1)
                .map(at -> java.util.Arrays.copyOf(bytes, at));
        Arbitrary<byte[]> inserted = Combinators.combine(Arbitraries.integers().between(0, bytes.length),
                Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF},
                        new byte[] {(byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                        new byte[] {0}, new byte[] {0, 0, 0, 0}))
                .as((at, junk) -> {
                    byte[] out = new byte[bytes.length + junk.length];
                    System.arraycopy(bytes, 0, out, 0, at);
                    System.arraycopy(junk, 0, out, at, junk.length);
                    System.arraycopy(bytes, at, out, at + junk.length, bytes.length - at);
                    return out;
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.oneOf(truncated, inserted, random);
    }

    public static Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json;charset=UTF-8", "application/json;charset=bogus",
                "application/json;charset=UTF-16", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "application/problem+json", "*/*", "", "not a media type", "application/");
    }

    /**
     * Bodies for a JSON endpoint whose valid body is {@code validObject}: that body with one field broken
     * ({@link #mutated}), broken as bytes ({@link #brokenBytes}), nested deep ({@link #deepNesting}) or a lone wrong
     * value ({@link #wrongValues}), 4 : 4 : 2 : 2.
     */
    public static Arbitrary<byte[]> hostileBodies(String validObject, List<String> fields) {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(4, mutated(validObject, fields).map(BadInput::utf8)),
                Tuple.of(4, brokenBytes(validObject)),
                Tuple.of(2, deepNesting().map(BadInput::utf8)),
                Tuple.of(2, wrongValues().map(BadInput::utf8))));
    }

    /** Content types for a JSON endpoint: mostly {@code application/json}, so that most tries reach the body parser. */
    public static Arbitrary<String> mostlyJsonContentTypes() {
        return Arbitraries.frequencyOf(List.of(Tuple.of(8, Arbitraries.just("application/json")),
                Tuple.of(2, contentTypes())));
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A request with its content type (blank: none), raw body bytes and headers (a name may repeat). */
    public record Request(String contentType, byte[] body, List<Map.Entry<String, String>> headers) {

        /** {@code body} as UTF-8, with {@code contentType} and no other header. */
        public static Request of(String contentType, String body) {
            return new Request(contentType, utf8(body), List.of());
        }

        /** No body, no content type: for a GET or DELETE, with only {@code headers}. */
        public static Request withoutBody(List<Map.Entry<String, String>> headers) {
            return new Request("", new byte[0], headers);
        }

        @Override
        public String toString() {
            return contentType + " " + headers + " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    + (body.length > 300 ? "...(" + body.length + " bytes)" : "");
        }
    }

    public static String quoted(String s) {
        var out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String replaceField(String validObject, String field, String value) {
        String key = quoted(field) + ":";
        int at = validObject.indexOf(key);
        if (at < 0) {
            return validObject;
        }
        int start = at + key.length();
        int end = endOfValue(validObject, start);
        return validObject.substring(0, start) + value + validObject.substring(end);
    }

    private static int endOfValue(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private BadInput() {
    }
}
