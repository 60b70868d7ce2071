package io.leadloop.schemas.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ReplaceFailedStreamThreadsTest {

    @Test
    void replacesAThreadWhoseTransactionTimedOutInsteadOfStoppingTheService() {
        var response = new ReplaceFailedStreamThreads().handle(
                new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(true)"));

        assertThat(response).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
