package io.leadloop.feedback.funnel.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing the funnel learns about a lead, whichever service reported it. Facts may arrive more than once and
 * out of order across topics; {@link LeadFunnel#apply(FunnelFact)} is written so that neither changes the result.
 */
public sealed interface FunnelFact {

    String leadId();

    /** The lead's campaign as this fact knows it, or {@code null}. */
    String campaignId();

    Instant occurredAt();

    /**
     * Intake captured a submission of the lead: touch {@code touch} (1 for the person's first). The lowest touch's
     * campaign, source, form and landing page are where the lead is counted; every touch is kept for attribution.
     */
    record Captured(String leadId, int touch, String campaignId, String source, String formId, String landingPage,
            Instant occurredAt) implements FunnelFact {
        public Captured {
            Objects.requireNonNull(leadId, "leadId");
            touch = Math.max(touch, 1);
        }

        /** A first touch that only knows its campaign. */
        public Captured(String leadId, String campaignId, Instant occurredAt) {
            this(leadId, 1, campaignId, null, null, null, occurredAt);
        }
    }

    /** Qualification scored the lead; {@code qualified} when it reached MQL. */
    record Scored(String leadId, String campaignId, boolean qualified, Instant occurredAt) implements FunnelFact {
        public Scored {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** Handoff gave the lead to a rep (of {@code ownerTeam}, when known), who must touch it by {@code slaDueAt}. */
    record HandedOff(String leadId, String campaignId, String ownerRepId, String ownerTeam, Instant slaDueAt,
            Instant occurredAt) implements FunnelFact {
        public HandedOff {
            Objects.requireNonNull(leadId, "leadId");
        }

        public HandedOff(String leadId, String campaignId, Instant occurredAt) {
            this(leadId, campaignId, null, null, null, occurredAt);
        }
    }

    /** Sales reported an outcome; {@code revenue} only for a win with an amount; {@code reason} as published. */
    record SalesReported(String leadId, String campaignId, SalesSignal signal, Money revenue, String reason,
            Instant occurredAt) implements FunnelFact {
        public SalesReported {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }

        public SalesReported(String leadId, String campaignId, SalesSignal signal, Money revenue, Instant occurredAt) {
            this(leadId, campaignId, signal, revenue, null, occurredAt);
        }
    }
}
