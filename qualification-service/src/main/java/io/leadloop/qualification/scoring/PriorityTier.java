package io.leadloop.qualification.scoring;

/** How urgently sales should act on a lead; handoff turns it into an SLA. */
public enum PriorityTier {
    HOT,
    WARM,
    COLD
}
