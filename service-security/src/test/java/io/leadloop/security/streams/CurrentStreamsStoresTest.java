package io.leadloop.security.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** The store comes from the client the factory bean holds now; a read that cannot be served is retried, then thrown. */
class CurrentStreamsStoresTest {

    private final StreamsBuilderFactoryBean factoryBean = mock(StreamsBuilderFactoryBean.class);

    @Test
    void readsFromTheClientTheFactoryBeanHoldsNowAndKeepsItsHandleMeanwhile() {
        KafkaStreams first = clientWith(store("first"));
        KafkaStreams second = clientWith(store("second"));
        var stores = new CurrentStreamsStores(factoryBean);

        when(factoryBean.getKafkaStreams()).thenReturn(first);
        assertThat(read(stores)).isEqualTo("first");
        assertThat(read(stores)).isEqualTo("first");
        verify(first, times(1)).store(any());

        // The factory bean was stopped and started: a new client, which the reads follow.
        when(factoryBean.getKafkaStreams()).thenReturn(second);
        assertThat(read(stores)).isEqualTo("second");
    }

    @Test
    void aClientNotStartedIsAnInvalidStateStoreExceptionLikeEveryOtherUnreadableStore() {
        when(factoryBean.getKafkaStreams()).thenReturn(null);

        assertThatThrownBy(() -> read(new CurrentStreamsStores(factoryBean)))
                .isInstanceOf(StreamsNotStartedException.class).hasMessageContaining("leads");
    }

    @Test
    void retriesAReadTheStoreCouldNotServeAndLooksTheStoreUpAfresh() {
        ReadOnlyKeyValueStore<String, String> rebalancing = store("ready");
        when(rebalancing.get("lead-1")).thenThrow(new InvalidStateStoreException("rebalancing")).thenReturn("ready");
        KafkaStreams client = clientWith(rebalancing);
        when(factoryBean.getKafkaStreams()).thenReturn(client);

        assertThat(read(new CurrentStreamsStores(factoryBean, 2, Duration.ofMillis(1)))).isEqualTo("ready");
        verify(client, times(2)).store(any());
    }

    @Test
    void throwsTheLastInvalidStateStoreExceptionOnceTheRetriesAreSpent() {
        AtomicInteger attempts = new AtomicInteger();
        var stores = new CurrentStreamsStores(factoryBean, 2, Duration.ofMillis(1));

        assertThatThrownBy(() -> stores.read(() -> {
            throw new InvalidStateStoreException("attempt " + attempts.incrementAndGet());
        })).isInstanceOf(InvalidStateStoreException.class).hasMessage("attempt 3");
    }

    @Test
    void doesNotRetryOtherFailures() {
        AtomicInteger attempts = new AtomicInteger();
        var stores = new CurrentStreamsStores(factoryBean, 2, Duration.ofMillis(1));

        assertThatThrownBy(() -> stores.read(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("a bug, not a rebalance");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    private static String read(CurrentStreamsStores stores) {
        return stores.read("leads", (ReadOnlyKeyValueStore<String, String> store) -> store.get("lead-1"));
    }

    @SuppressWarnings("unchecked")
    private static ReadOnlyKeyValueStore<String, String> store(String value) {
        ReadOnlyKeyValueStore<String, String> store = mock(ReadOnlyKeyValueStore.class);
        when(store.get("lead-1")).thenReturn(value);
        return store;
    }

    private static KafkaStreams clientWith(ReadOnlyKeyValueStore<String, String> store) {
        KafkaStreams client = mock(KafkaStreams.class);
        when(client.store(any(StoreQueryParameters.class))).thenReturn(store);
        return client;
    }
}
