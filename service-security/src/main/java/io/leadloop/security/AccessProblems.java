package io.leadloop.security;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.leadloop.security.problems.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals as RFC 9457 problem details, like every other error of our APIs: {@code 401} when the caller is not
 * authenticated (no credentials, an expired or forged token, an unknown key), {@code 403} when their role does not
 * allow the request. Neither ever echoes the token or key presented, nor says how close it was.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final URI UNAUTHENTICATED = Problems.type("unauthenticated");
    static final URI INVALID_TOKEN = Problems.type("invalid-token");
    static final URI INVALID_API_KEY = Problems.type("invalid-api-key");
    static final URI FORBIDDEN = Problems.type("forbidden");
    static final URI REJECTED_REQUEST = Problems.type("rejected-request");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (request.getAttribute(ApiKeyFilter.INVALID_KEY_ATTRIBUTE) != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"");
            write(request, response, HttpStatus.UNAUTHORIZED, INVALID_API_KEY, "API key not valid",
                    "The " + ApiKeyFilter.HEADER + " presented is not a key of any integration; it may have been "
                            + "rotated out.",
                    "#/headers/" + ApiKeyFilter.HEADER);
        } else if (failure instanceof InvalidBearerTokenException || failure instanceof OAuth2AuthenticationException) {
            // The decoder's message may quote claims; say only what kind of thing is wrong.
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            write(request, response, HttpStatus.UNAUTHORIZED, INVALID_TOKEN, "Bearer token not valid",
                    "The bearer token is expired, not yet valid, from another issuer or not signed by its keys; "
                            + "get a new one from your identity provider.",
                    "#/headers/" + HttpHeaders.AUTHORIZATION);
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "Authentication required",
                    "Send a bearer token from your identity provider in the Authorization header (or, for an "
                            + "integration, its key in " + ApiKeyFilter.HEADER + ").",
                    "#/headers/" + HttpHeaders.AUTHORIZATION);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, "Not allowed",
                "Your roles do not allow this request.", "#/headers/" + HttpHeaders.AUTHORIZATION);
    }

    /**
     * Spring Security's firewall refuses paths such as {@code %00}, {@code %2F} or {@code ..} before any controller
     * sees them; say so as a problem like every other {@code 400}, not with an empty body.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, REJECTED_REQUEST, "Request rejected",
                "The request's path or headers contain characters or sequences that are not accepted "
                        + "(encoded slashes, '..', control characters, ...).", "#/path");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String title, String detail, String pointer) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("errors", List.of(Map.of("pointer", pointer, "detail", title)));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
