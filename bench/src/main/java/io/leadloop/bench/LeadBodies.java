package io.leadloop.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ~600-byte lead of the README, made unique per request (email and phone), because intake rightly treats the
 * same content twice as one delivery and the same person twice as one lead.
 */
final class LeadBodies {

    /**
     * Shared by every instance and started at a random point, so no two leads of a run (or of runs against the same
     * running stack) share a phone number: intake would rightly make the second a new touch of the first person's
     * lead, which handoff does not hand off again.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong(java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(10_000_000));

    private final String runId;

    LeadBodies(String runId) {
        this.runId = runId;
    }

    String next() {
        long n = SEQUENCE.incrementAndGet();
        return """
                {"email":"lead-%s-%d@acme.io","phone":"+1 415 %07d",\
                "firstName":"Ana","lastName":"Silva","jobTitle":"VP Marketing",\
                "company":{"name":"Acme","domain":"acme.io","employees":250,"industry":"software","country":"US"},\
                "source":{"channel":"web-form","campaignId":"bench-%s","formId":"demo-request","landingPage":"https://acme.io/demo"},\
                "utm":{"source":"google","medium":"cpc","campaign":"spring-launch","term":"crm","content":"ad-3"},\
                "engagement":{"visits":3,"timeOnSiteSeconds":540,"pageViews":7,"lastActivity":"Email Opened"},\
                "consent":{"marketing":true},"attributes":{"any question":"any answer"}}"""
                .formatted(runId, n, n % 10_000_000, runId);
    }

    /** A JSON array of {@code size} unique leads, as the batch endpoint takes them. */
    String nextBatch(int size) {
        var batch = new StringBuilder(size * 640).append('[');
        for (int i = 0; i < size; i++) {
            batch.append(i == 0 ? "" : ",").append(next());
        }
        return batch.append(']').toString();
    }
}
