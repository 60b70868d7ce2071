package io.leadloop.faults;

/** The leads the load posts: the root README's example lead, made a new person each time. */
final class LeadBodies {

    private LeadBodies() {
    }

    /**
     * Person {@code n} of the run: a unique email and phone, so intake never sees a second touch. Every fourth
     * declines all contact and is disqualified, so the suite also checks that a lead that did not qualify is never
     * handed off.
     */
    static String lead(String campaign, long n) {
        boolean consents = n % 4 != 0;
        return """
                {
                  "email": "fault-%2$d@acme.io", "phone": "+1 628 %3$d",
                  "firstName": "Ana", "lastName": "Silva", "jobTitle": "VP Marketing",
                  "company": {"name": "Acme", "domain": "acme.io", "employees": 250, "industry": "software",
                              "country": "US"},
                  "source": {"channel": "web-form", "campaignId": "%1$s", "formId": "demo-request",
                             "landingPage": "https://acme.io/demo"},
                  "utm": {"source": "google", "medium": "cpc", "campaign": "%1$s", "term": "crm", "content": "ad-3"},
                  "engagement": {"visits": 3, "timeOnSiteSeconds": 540, "pageViews": 7,
                                 "lastActivity": "Email Opened"},
                  "consent": {"marketing": %4$s},
                  "attributes": {"fault suite": "person %2$d"}
                }
                """.formatted(campaign, n, 1_000_000 + n, consents);
    }
}
