package io.leadloop.intake.forms;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The fields of a form post, one value each: the body's fields first, then the query string's (a form's action
 * URL may carry {@code ?utm_source=...}). A field sent several times (a checkbox group) has its values joined by
 * ", ". File parts of a multipart post are not stored; the field records the file's name and that it was not kept.
 */
final class PostedFields {

    private PostedFields() {
    }

    static Map<String, String> of(HttpServletRequest request) throws IOException {
        var fields = new LinkedHashMap<String, String>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            // The container parsed the parts (and the query string) into parameters; files are apart.
            request.getParameterMap().forEach((name, values) -> put(fields, name, List.of(values)));
            multipart.getMultiFileMap().forEach((name, files) -> fields.putIfAbsent(name, String.join(", ",
                    files.stream().map(PostedFields::notStored).toList())));
            return fields;
        }
        Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                : Charset.forName(request.getCharacterEncoding());
        String body = new String(request.getInputStream().readAllBytes(), charset);
        UrlEncodedForm.parse(body, charset).forEach((name, values) -> put(fields, name, values));
        UrlEncodedForm.parse(request.getQueryString(), StandardCharsets.UTF_8)
                .forEach((name, values) -> {
                    if (!fields.containsKey(name)) {
                        put(fields, name, values);
                    }
                });
        return fields;
    }

    private static void put(Map<String, String> fields, String name, List<String> values) {
        var given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (!given.isEmpty()) {
            fields.put(name, String.join(", ", given));
        }
    }

    private static String notStored(MultipartFile file) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "unnamed file"
                : file.getOriginalFilename();
        return name + " (file not stored)";
    }
}
