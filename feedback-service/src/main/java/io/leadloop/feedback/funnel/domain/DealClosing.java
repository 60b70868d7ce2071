package io.leadloop.feedback.funnel.domain;

/** How a lead's deal ended, by the latest closing outcome sales reported: a lead counts as won or lost, never both. */
public enum DealClosing {
    OPEN, WON, LOST
}
