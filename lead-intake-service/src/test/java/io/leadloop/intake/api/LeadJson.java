package io.leadloop.intake.api;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Object mother for lead JSON as senders post it: the example of our API docs, with what a test changes. */
final class LeadJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LeadJson() {
        fields.put("email", "ana." + java.util.UUID.randomUUID() + "@acme.io");
        // Unique per lead: the same phone would make every test lead the same person.
        fields.put("phone", "+1 415 " + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000_000)));
        fields.put("firstName", "Ana");
        fields.put("lastName", "Silva");
        fields.put("jobTitle", "VP Marketing");
        fields.put("company", new LinkedHashMap<>(Map.of("name", "Acme", "domain", "acme.io", "employees", 250,
                "industry", "software", "country", "US")));
        fields.put("source", new LinkedHashMap<>(Map.of("channel", "web-form", "campaignId", "spring-launch",
                "formId", "demo-request", "landingPage", "https://acme.io/demo")));
        fields.put("utm", Map.of("source", "google", "medium", "cpc", "campaign", "spring-launch"));
        fields.put("engagement", Map.of("visits", 3, "timeOnSiteSeconds", 540, "pageViews", 7,
                "lastActivity", "Email Opened"));
        fields.put("consent", Map.of("marketing", true));
        fields.put("attributes", Map.of("any question", "any answer"));
    }

    static LeadJson aLead() {
        return new LeadJson();
    }

    @SuppressWarnings("unchecked")
    LeadJson fromCampaign(String campaignId) {
        ((Map<String, Object>) fields.get("source")).put("campaignId", campaignId);
        return this;
    }

    LeadJson with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    LeadJson without(String field) {
        fields.remove(field);
        return this;
    }

    @SuppressWarnings("unchecked")
    LeadJson withCompany(String field, Object value) {
        ((Map<String, Object>) fields.get("company")).put(field, value);
        return this;
    }

    String toJson() {
        return JSON.writeValueAsString(fields);
    }
}
