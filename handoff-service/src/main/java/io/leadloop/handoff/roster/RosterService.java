package io.leadloop.handoff.roster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.leadloop.events.RepRosterChanged;
import io.leadloop.handoff.routing.Rep;
import io.leadloop.handoff.routing.RepRoster;
import io.leadloop.schemas.Topics;
import io.leadloop.security.streams.CurrentStreamsStores;

/**
 * Reads the roster (configuration overlaid with the global {@link RosterChanges#ROSTER_STORE} store, the same on
 * every instance) and changes it by publishing {@code RepRosterChanged} to {@code handoff.roster.v1}: the change
 * is routed by once the global store has read it back, typically within a second.
 */
@Component
public class RosterService {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final CurrentStreamsStores stores;
    private final RepRoster configured;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;

    RosterService(CurrentStreamsStores stores, RepRoster configured, KafkaTemplate<String, Object> kafka,
            Clock clock) {
        this.stores = stores;
        this.configured = configured;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** @throws RosterUnavailableException while the global store cannot be read */
    public RepRoster current() {
        try {
            List<RepRosterChanged> changes = stores.read(RosterChanges.ROSTER_STORE,
                    (ReadOnlyKeyValueStore<String, RepRosterChanged> store) -> {
                        var all = new ArrayList<RepRosterChanged>();
                        try (KeyValueIterator<String, RepRosterChanged> entries = store.all()) {
                            entries.forEachRemaining(entry -> all.add(entry.value));
                        }
                        return all;
                    });
            return RosterChanges.apply(configured.reps(), changes);
        } catch (InvalidStateStoreException notReady) {
            throw new RosterUnavailableException(notReady);
        }
    }

    /** Adds or replaces a rep; returns once Kafka has the change. */
    public RepRosterChanged put(Rep rep, String changedBy) {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return publish(RosterChanges.changed(rep, eventId(rep.id(), now.toString()), now, changedBy));
    }

    /** Takes a rep off the roster; returns once Kafka has the change. */
    public RepRosterChanged remove(String repId, String changedBy) {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return publish(RosterChanges.removed(repId, eventId(repId, now + ":removed"), now, changedBy));
    }

    public List<Rep> configuredReps() {
        return configured.reps();
    }

    private RepRosterChanged publish(RepRosterChanged change) {
        try {
            kafka.send(Topics.HANDOFF_ROSTER.name(), change.getRepId(), change)
                    .get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return change;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RosterUnavailableException(interrupted);
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            throw new RosterUnavailableException(failed);
        }
    }

    private static String eventId(String repId, String discriminator) {
        return UUID.nameUUIDFromBytes(("leadloop.roster:" + repId + ":" + discriminator)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
