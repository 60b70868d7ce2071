package io.leadloop.localstack;

/** Object mother for the JSON bodies the end-to-end test posts, in the shape of our public API (issue 2). */
final class LeadRequests {

    private LeadRequests() {
    }

    /** The example lead: VP Marketing, 250 employees, company domain, 3 visits, consent. It qualifies. */
    static String qualifyingLead(String campaignId) {
        return """
                {
                  "email": "ana.silva@acme.io", "phone": "+1 415 555 0100",
                  "firstName": "Ana", "lastName": "Silva", "jobTitle": "VP Marketing",
                  "company": {"name": "Acme", "domain": "acme.io", "employees": 250, "industry": "software",
                              "country": "US"},
                  "source": {"channel": "web-form", "campaignId": "%1$s", "formId": "demo-request",
                             "landingPage": "https://acme.io/demo"},
                  "utm": {"source": "google", "medium": "cpc", "campaign": "%1$s", "term": "crm", "content": "ad-3"},
                  "engagement": {"visits": 3, "timeOnSiteSeconds": 540, "pageViews": 7,
                                 "lastActivity": "Email Opened"},
                  "consent": {"marketing": true},
                  "attributes": {"any question": "any answer"}
                }
                """.formatted(campaignId);
    }

    static String leadWithInvalidEmail(String campaignId) {
        return qualifyingLead(campaignId).replace("\"ana.silva@acme.io\"", "\"not-an-email\"");
    }

    static String truncatedJson() {
        return "{\"email\": \"ana.silva@acme.io\", \"company\": {";
    }

    static String wonFeedback(String repId, String occurredAt) {
        return """
                {"outcome": "WON", "amount": 1200.00, "currency": "USD", "repId": "%s", "occurredAt": "%s"}
                """.formatted(repId, occurredAt);
    }
}
