package io.leadloop.schemas.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Changes summed per key in a store until they are handed on together: {@link #add} while processing, then
 * {@link #forwardAll} from a punctuation. Used where a processor would otherwise send one small record per change
 * through a repartition topic (feedback's funnel numbers, qualification's scored leads per campaign): one sum per
 * key and interval instead.
 *
 * <p>The store should be logged, so that under exactly-once a crash neither loses nor repeats a sum. Written by hand:
 * Kafka Streams' record caches combine only a store's own writes, never what a processor forwards.
 *
 * @param <V> the change, added with {@code plus}; a sum that {@code addsNothing} (a change taken back within the
 *            interval) is dropped instead of forwarded
 */
public final class PendingSums<V> {

    private final KeyValueStore<String, V> store;
    private final BinaryOperator<V> plus;
    private final Predicate<V> addsNothing;

    public PendingSums(KeyValueStore<String, V> store, BinaryOperator<V> plus, Predicate<V> addsNothing) {
        this.store = store;
        this.plus = plus;
        this.addsNothing = addsNothing;
    }

    public void add(String key, V change) {
        V sum = store.get(key);
        store.put(key, sum == null ? change : plus.apply(sum, change));
    }

    /** Forwards every sum that adds something, stamped {@code now}, and empties the store. */
    public void forwardAll(ProcessorContext<String, ? super V> context, long now) {
        // Collected first: the sums are deleted as they go, not through the open iterator.
        List<KeyValue<String, V>> sums = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(sums::add);
        }
        for (KeyValue<String, V> sum : sums) {
            if (sum.value != null && !addsNothing.test(sum.value)) {
                context.forward(new Record<>(sum.key, sum.value, now));
            }
            store.delete(sum.key);
        }
    }
}
