package io.leadloop.intake.forms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.leadloop.intake.sources.SourceSettings;
import io.leadloop.intake.sources.Sources;

/**
 * CORS for form sources, per source: {@code /forms/{source}} accepts cross-origin requests (preflight and the post
 * itself, including a plain HTML form submission, which browsers send with an Origin header) only from that
 * source's {@code allowedOrigins} (exact origins or patterns such as {@code https://*.acme.io}). Any other origin,
 * and every origin for a source that lists none or is not an enabled form source, is refused with {@code 403}
 * problem details before the post is read. Requests without an Origin (server-to-server, same origin) are not
 * CORS requests and pass.
 */
@Configuration(proxyBeanMethods = false)
class FormCors {

    static final String ORIGIN_NOT_ALLOWED = "https://leadloop.io/problems/origin-not-allowed";

    /** Before the limits filter: a refused origin costs the source no rate. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<CorsFilter> formCorsFilter(Sources sources) {
        var filter = new CorsFilter(new PerSourceCors(sources));
        filter.setCorsProcessor(new ProblemCorsProcessor());
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/forms/*");
        registration.setOrder(ORDER);
        return registration;
    }

    /** The CORS configuration of the form source named in the path. */
    static final class PerSourceCors implements CorsConfigurationSource {

        private static final PathPattern FORM = PathPatternParser.defaultInstance.parse("/forms/{source}/**");

        private final Sources sources;

        PerSourceCors(Sources sources) {
            this.sources = sources;
        }

        @Override
        public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
            var match = FORM.matchAndExtract(PathContainer.parsePath(
                    UrlPathHelper.defaultInstance.getPathWithinApplication(request)));
            SourceSettings settings = match == null ? null : sources.all().get(match.getUriVariables().get("source"));
            var cors = new CorsConfiguration();
            cors.setAllowedMethods(List.of(HttpMethod.POST.name()));
            cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
            cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
            cors.setAllowCredentials(false);
            cors.setMaxAge(3600L);
            boolean enabledForm = settings != null && settings.enabled() && FormLeads.TYPE.equals(settings.type());
            cors.setAllowedOriginPatterns(enabledForm ? settings.allowedOrigins() : List.of());
            return cors;
        }
    }

    /** Spring's CORS checks, with the refusal as problem details instead of a bare "Invalid CORS request". */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(("{\"type\":\"" + ORIGIN_NOT_ALLOWED + "\",\"title\":\"Origin not allowed\","
                    + "\"status\":403,\"detail\":\"This form does not take posts from this origin (CORS); the form "
                    + "source's allowedOrigins must list it.\"}").getBytes(StandardCharsets.UTF_8));
            response.flush();
        }
    }
}
