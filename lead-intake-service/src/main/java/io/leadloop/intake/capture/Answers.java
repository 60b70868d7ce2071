package io.leadloop.intake.capture;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits, on the request's own (virtual) thread, for an answer that completes once Kafka acknowledged the lead.
 *
 * <p>Why block instead of returning the future to Spring MVC: an asynchronous answer makes Tomcat dispatch the request
 * a second time (filters, {@code DispatcherServlet}, handler lookup) just to write it — a quarter of intake's CPU per
 * lead in the profile ({@code bench/results/20261123-intake-profile.md}). With virtual threads
 * ({@code spring.threads.virtual.enabled}) a blocked request costs a few hundred bytes, not a platform thread, and
 * group commit is unchanged: every waiting request's record still rides on the producer batch that is in flight.
 *
 * <p>A failure is rethrown as what it was (not wrapped in {@link CompletionException}), so the problem-details advice
 * answers it exactly as it answered the failed future.
 */
public final class Answers {

    private Answers() {
    }

    public static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka's acknowledgement", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e;
            while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
