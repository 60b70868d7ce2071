package io.leadloop.schemas;

import java.util.Map;

/**
 * How far each event schema promises to stay compatible with its released versions, in one place. The build's
 * schema evolution gate ({@code SchemaEvolutionTest}) holds every change to an {@code .avsc} to this; a change
 * that cannot keep the promise belongs on a new topic version ({@code leads.captured.v2}).
 */
public enum Compatibility {

    /** A consumer on the new schema reads events written with any released one: safe to upgrade consumers first. */
    BACKWARD,
    /** BACKWARD, and a consumer on a released schema reads events written with the new one: any deploy order. */
    FULL;

    /** Consumers we do not deploy (the CRM) read these topics, so producers may upgrade before them. */
    private static final Map<Topic<?>, Compatibility> PROMISES = Map.of(Topics.LEADS_HANDED_OFF, FULL);

    /** What the topic's value schema promises; {@link #BACKWARD} unless declared otherwise above. */
    public static Compatibility promisedFor(Topic<?> topic) {
        return PROMISES.getOrDefault(topic, BACKWARD);
    }
}
