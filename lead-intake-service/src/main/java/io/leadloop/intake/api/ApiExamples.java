package io.leadloop.intake.api;

/**
 * Request and response examples of the intake API's OpenAPI document ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}), in one place so every endpoint shows the same lead and the same problem shapes.
 */
public final class ApiExamples {

    private ApiExamples() {
    }

    /** The lead of our own API, every field filled (issue 2's example). */
    public static final String FULL_LEAD = """
            {
              "email": "ana.silva@acme.io", "phone": "+1 415 555 0100",
              "firstName": "Ana", "lastName": "Silva", "jobTitle": "VP Marketing",
              "company": {"name": "Acme", "domain": "acme.io", "employees": 250, "industry": "software", "country": "US"},
              "source": {"channel": "web-form", "campaignId": "spring-launch", "formId": "demo-request",
                         "landingPage": "https://acme.io/demo"},
              "utm": {"source": "google", "medium": "cpc", "campaign": "spring-launch", "term": "crm", "content": "ad-3"},
              "engagement": {"visits": 3, "timeOnSiteSeconds": 540, "pageViews": 7, "lastActivity": "Email Opened"},
              "consent": {"marketing": true},
              "attributes": {"any question": "any answer"}
            }""";

    public static final String ACCEPTED = """
            {"leadId": "1b4e28ba-2fa1-3ed2-883f-0e1f5a1c1f0b", "touch": 1, "repeat": false}""";

    public static final String INVALID_LEAD = """
            {
              "type": "https://leadloop.io/problems/invalid-lead",
              "title": "Invalid lead",
              "status": 400,
              "detail": "/email email or phone is required; /phone email or phone is required",
              "instance": "/api/v1/leads",
              "errors": [
                {"pointer": "/email", "detail": "email or phone is required"},
                {"pointer": "/phone", "detail": "email or phone is required"}
              ]
            }""";

    public static final String MALFORMED_JSON = """
            {
              "type": "https://leadloop.io/problems/malformed-json",
              "title": "Malformed JSON",
              "status": 400,
              "detail": "Wrong type or value at /company/employees",
              "instance": "/api/v1/leads",
              "errors": [{"pointer": "/company/employees", "detail": "Wrong type or value at /company/employees"}]
            }""";

    public static final String KAFKA_UNAVAILABLE = """
            {
              "type": "https://leadloop.io/problems/kafka-unavailable",
              "title": "Temporarily unable to take leads",
              "status": 503,
              "detail": "The lead could not be stored right now and was not taken; send it again after Retry-After seconds.",
              "instance": "/api/v1/leads"
            }""";

    public static final String RATE_LIMITED = """
            {
              "type": "https://leadloop.io/problems/rate-limited",
              "title": "Too many requests",
              "status": 429,
              "detail": "Source 'api' is limited to 2000 requests per second on this instance; retry after Retry-After seconds.",
              "instance": "/api/v1/leads",
              "source": "api",
              "requestsPerSecond": 2000
            }""";

    public static final String BODY_TOO_LARGE = """
            {
              "type": "https://leadloop.io/problems/body-too-large",
              "title": "Request body too large",
              "status": 413,
              "detail": "The request body is larger than 1048576 bytes, the most this endpoint takes; send less (a batch: fewer leads per request).",
              "instance": "/api/v1/leads",
              "maxBytes": 1048576
            }""";

    public static final String UNKNOWN_SOURCE = """
            {
              "type": "https://leadloop.io/problems/unknown-source",
              "title": "Unknown lead source",
              "status": 404,
              "detail": "No enabled lead source named 'spring-demo'",
              "instance": "/forms/spring-demo"
            }""";
}
