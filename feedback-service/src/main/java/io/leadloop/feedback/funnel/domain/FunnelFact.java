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

    /** Intake captured the lead; its campaign is authoritative. */
    record Captured(String leadId, String campaignId, Instant occurredAt) implements FunnelFact {
        public Captured {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** Qualification scored the lead; {@code qualified} when it reached MQL. */
    record Scored(String leadId, String campaignId, boolean qualified, Instant occurredAt) implements FunnelFact {
        public Scored {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** Handoff gave the lead to a rep. */
    record HandedOff(String leadId, String campaignId, Instant occurredAt) implements FunnelFact {
        public HandedOff {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** Sales reported an outcome; {@code revenue} only for a win with an amount. */
    record SalesReported(String leadId, String campaignId, SalesSignal signal, Money revenue, Instant occurredAt)
            implements FunnelFact {
        public SalesReported {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
