package io.leadloop.security.problems;

import java.util.List;

import tools.jackson.core.JacksonException;

/**
 * RFC 6901 JSON pointers for {@code errors[].pointer} of LeadLoop problems. Plain Jackson, no Spring, so code that
 * reads JSON outside a problem handler (a batch item, a webhook field) names a bad value the same way.
 */
public final class JsonPointers {

    /**
     * Jackson's path to a value (a {@link JacksonException#getPath()}) as a JSON pointer, e.g. {@code /items/2/email};
     * {@code ~} and {@code /} in property names are escaped as {@code ~0} and {@code ~1}. The empty path is the empty
     * pointer, the whole document.
     */
    public static String of(List<JacksonException.Reference> path) {
        var pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/');
            pointer.append(reference.getPropertyName() != null
                    ? reference.getPropertyName().replace("~", "~0").replace("/", "~1")
                    : Integer.toString(reference.getIndex()));
        }
        return pointer.toString();
    }

    private JsonPointers() {
    }
}
