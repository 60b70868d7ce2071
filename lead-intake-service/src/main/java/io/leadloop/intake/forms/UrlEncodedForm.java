package io.leadloop.intake.forms;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} as browsers send it. Parsed here, from the body stream intake's size
 * cap watches, rather than by the servlet container (which reads its own stream, past that cap).
 */
final class UrlEncodedForm {

    private UrlEncodedForm() {
    }

    /** Field name → its values in order of appearance; a pair with a broken escape is skipped, not fatal. */
    static Map<String, List<String>> parse(String encoded, Charset charset) {
        var fields = new LinkedHashMap<String, List<String>>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                String decodedName = URLDecoder.decode(name, charset);
                String decodedValue = URLDecoder.decode(value, charset);
                fields.computeIfAbsent(decodedName, n -> new ArrayList<>()).add(decodedValue);
            } catch (IllegalArgumentException badEscape) {
                // keep the other fields
            }
        }
        return fields;
    }
}
