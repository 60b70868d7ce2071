package io.leadloop.intake.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Read-your-writes in front of the global stores: what this instance remembered a moment ago, until the global
 * store has caught up with its own write (milliseconds, normally). Bounded, so it never becomes the state itself;
 * the Kafka-backed store stays the source of truth.
 */
final class RecentlyRemembered {

    private final Map<String, String> entries;

    RecentlyRemembered(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(String key, String value) {
        entries.put(key, value);
    }

    synchronized Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }
}
