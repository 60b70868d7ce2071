package io.leadloop.qualification.streams;

import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * Puts the lead id in the logging context for one piece of work, so every log line about a lead can be found by
 * its id (the log pattern prints {@code %X{leadId}}). Kafka Streams threads are reused, hence the cleanup.
 */
public final class LeadIdMdc {

    public static final String KEY = "leadId";

    private LeadIdMdc() {
    }

    public static <T> T with(String leadId, Supplier<T> work) {
        try (var ignored = MDC.putCloseable(KEY, leadId)) {
            return work.get();
        }
    }
}
