package io.leadloop.security.privacy;

import org.springframework.context.SmartLifecycle;

import io.leadloop.schemas.privacy.PersonKeyRing;

/**
 * Stops a {@link PersonKeyRing}'s reader when its Spring context stops and starts it again when the context does.
 *
 * <p>Why: the ring bean's destroy method only runs when the context closes. Spring Framework 7 <em>pauses</em> a
 * cached test context (stops its {@code Lifecycle} beans) while another context is in use, and a paused context
 * kept its reader polling; intake's {@code IntakeWithoutKafkaIT} left one retrying {@code 127.0.0.1:1} for the rest
 * of the test JVM. The keys stay in the ring while it is stopped; a restarted reader reads the topic again.
 *
 * <p>Phase {@value #PHASE}: started before, and stopped after, everything that looks keys up (Kafka Streams and
 * listener containers, the web server: all at phases near {@code Integer.MAX_VALUE}).
 */
public final class PersonKeyReaderLifecycle implements SmartLifecycle {

    static final int PHASE = 0;

    private final PersonKeyRing ring;

    public PersonKeyReaderLifecycle(PersonKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public void start() {
        ring.startReading();
    }

    @Override
    public void stop() {
        ring.stopReading();
    }

    @Override
    public boolean isRunning() {
        return ring.isReading();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
