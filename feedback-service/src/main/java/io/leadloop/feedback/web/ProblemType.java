package io.leadloop.feedback.web;

import java.net.URI;

import io.leadloop.security.problems.Problems;

/** The stable {@code type} URIs of this service's problems (RFC 9457); clients branch on these, not on titles. */
enum ProblemType {
    MALFORMED_REQUEST("malformed-request", "Malformed request"),
    INVALID_FEEDBACK("invalid-feedback", "Invalid feedback"),
    UNKNOWN_LEAD("unknown-lead", "Unknown lead"),
    IMPOSSIBLE_OUTCOME("impossible-outcome", "Impossible outcome"),
    UNKNOWN_CAMPAIGN("unknown-campaign", "Unknown campaign"),
    INVALID_QUERY("invalid-query", "Invalid query parameters"),
    PUBLISH_FAILED("publish-failed", "Feedback not recorded"),
    FUNNEL_NOT_READY("funnel-not-ready", "Funnel not ready"),
    UNAUTHORIZED_DELIVERY("unauthorized-delivery", "Delivery not authenticated");

    private final URI uri;
    private final String title;

    ProblemType(String slug, String title) {
        this.uri = Problems.type(slug);
        this.title = title;
    }

    URI uri() {
        return uri;
    }

    String title() {
        return title;
    }
}
