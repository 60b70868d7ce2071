package io.leadloop.localstack;

import java.util.Arrays;
import java.util.List;

/**
 * The processes that make up the local system, in start order. Stopping goes in reverse, so services never
 * outlive the broker and registry they depend on and never log a storm of connection errors on the way down.
 */
public enum Part {
    KAFKA("kafka", Tier.INFRASTRUCTURE),
    REGISTRY("registry", Tier.INFRASTRUCTURE),
    INTAKE("lead-intake-service", Tier.SERVICE),
    QUALIFICATION("qualification-service", Tier.SERVICE),
    HANDOFF("handoff-service", Tier.SERVICE),
    FEEDBACK("feedback-service", Tier.SERVICE);

    /** Parts of one tier start together: services only need the infrastructure, not each other. */
    enum Tier { INFRASTRUCTURE, SERVICE }

    private final String id;
    private final Tier tier;

    Part(String id, Tier tier) {
        this.id = id;
        this.tier = tier;
    }

    /** Name of the log, pid and data files; for services also the Maven module and jar name. */
    public String id() {
        return id;
    }

    Tier tier() {
        return tier;
    }

    public boolean isService() {
        return tier == Tier.SERVICE;
    }

    public static List<Part> services() {
        return Arrays.stream(values()).filter(Part::isService).toList();
    }

    public static Part fromId(String id) {
        return Arrays.stream(values())
                .filter(part -> part.id.equals(id) || part.name().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown part '" + id + "'"));
    }
}
