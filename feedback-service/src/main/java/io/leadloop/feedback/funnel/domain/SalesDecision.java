package io.leadloop.feedback.funnel.domain;

/** Sales' latest word on whether it takes a lead: a lead counts as accepted or rejected, never both. */
public enum SalesDecision {
    /** Sales has not said anything yet. */
    NONE,
    ACCEPTED,
    REJECTED,
    /** Sent back to marketing for nurturing: neither accepted nor rejected any more. */
    RECYCLED
}
