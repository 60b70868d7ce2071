package io.leadloop.intake.forms;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Who is asking and where they go next: a script that asks for JSON gets JSON; a browser (which asks for HTML,
 * or anything) is sent on to the form's thank-you page, the page told what happened by query parameters.
 */
final class FormAnswers {

    private static final MediaType XHTML = MediaType.parseMediaType("application/xhtml+xml");

    private FormAnswers() {
    }

    /**
     * Whether the client prefers JSON: it lists {@code application/json} (or a {@code +json} type) with a higher
     * quality than HTML. {@code *}{@code /*} alone, or no Accept at all, is a browser's form submission.
     */
    static boolean wantsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
        double json = 0;
        double html = 0;
        for (MediaType type : types) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"))) {
                json = Math.max(json, type.getQualityValue());
            } else if (MediaType.TEXT_HTML.isCompatibleWith(type) || XHTML.isCompatibleWith(type)) {
                html = Math.max(html, type.getQualityValue());
            }
        }
        return json > 0 && json > html;
    }

    /** The URL with these query parameters added (after any it has, before its fragment). */
    static URI withQuery(String url, Map<String, String> parameters) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        var target = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (var parameter : parameters.entrySet()) {
            target.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(target + fragment);
    }
}
