package io.leadloop.intake.lead;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of a landing-page URL, where UTM parameters and ad click ids travel. */
final class LandingPages {

    private LandingPages() {
    }

    /** Parameters in order of appearance; the first value wins; an unparseable URL has none. */
    static Map<String, String> queryParameters(String url) {
        var parameters = new LinkedHashMap<String, String>();
        if (url == null) {
            return parameters;
        }
        String query;
        try {
            query = URI.create(url.strip()).getRawQuery();
        } catch (IllegalArgumentException notAUrl) {
            return parameters;
        }
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            try {
                parameters.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                // skip this parameter, keep the others
            }
        }
        return parameters;
    }
}
