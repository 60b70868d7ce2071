package io.leadloop.intake.sources;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.leadloop.intake.IntakeProperties;

/** The configured sources by name; the one place that decides whether a source exists and is on. */
@Component
public class Sources {

    private final Map<String, SourceSettings> byName;

    public Sources(IntakeProperties properties) {
        this.byName = properties.sources();
    }

    /**
     * The enabled source of that name and type; {@link UnknownSourceException} otherwise, so a disabled or
     * misrouted source looks exactly like one that does not exist.
     */
    public SourceSettings require(String name, String type) {
        SourceSettings settings = byName.get(name);
        if (settings == null || !settings.enabled() || !type.equals(settings.type())) {
            throw new UnknownSourceException(name);
        }
        return settings;
    }

    public Map<String, SourceSettings> all() {
        return byName;
    }
}
