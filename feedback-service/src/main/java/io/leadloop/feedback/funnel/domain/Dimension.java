package io.leadloop.feedback.funnel.domain;

import java.util.Optional;

/** What leads are grouped by. A lead counts under the value of its lowest touch, and under its current owner. */
public enum Dimension {
    CAMPAIGN("campaign"),
    /** The utm source, else the channel (web-form, google-ads, ...). */
    SOURCE("source"),
    FORM("form"),
    LANDING_PAGE("landing-page"),
    /** The owning rep; leads not (yet) handed off are not counted here. */
    REP("rep"),
    /** The owning rep's team; leads not handed off, or handed off before teams were published, are not counted. */
    TEAM("team");

    private final String id;

    Dimension(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Dimension ofId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Unknown dimension " + id));
    }

    public static Optional<Dimension> find(String id) {
        for (Dimension dimension : values()) {
            if (dimension.id.equals(id)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }

    /** The lead's value of this dimension, empty when it does not count here. */
    Optional<String> of(LeadFunnel lead) {
        return switch (this) {
            case CAMPAIGN -> Optional.of(lead.campaignKey());
            case SOURCE -> Optional.of(LeadFunnel.keyOf(lead.source()));
            case FORM -> Optional.of(LeadFunnel.keyOf(lead.formId()));
            case LANDING_PAGE -> Optional.of(LeadFunnel.keyOf(lead.landingPage()));
            case REP -> lead.handedOff() ? Optional.of(LeadFunnel.keyOf(lead.ownerRepId())) : Optional.empty();
            case TEAM -> lead.handedOff() && lead.ownerTeam() != null ? Optional.of(lead.ownerTeam()) : Optional.empty();
        };
    }
}
