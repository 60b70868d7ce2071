package io.leadloop.handoff.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.InMemoryKeyValueStore;

/**
 * Stores whose contents outlive a {@code TopologyTestDriver}: what the changelog gives a restarted app. The driver
 * wipes its state directory on close, so a "restart" over the same directory would start empty; these stores
 * save their contents when the driver closes them and load them when the next driver opens them.
 */
final class SurvivingStores implements Function<String, KeyValueBytesStoreSupplier> {

    private final Map<String, List<KeyValue<Bytes, byte[]>>> saved = new HashMap<>();

    @Override
    public KeyValueBytesStoreSupplier apply(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new SurvivingStore(name);
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        };
    }

    private final class SurvivingStore extends InMemoryKeyValueStore {

        SurvivingStore(String name) {
            super(name);
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            super.init(context, root);
            putAll(saved.getOrDefault(name(), List.of()));
        }

        @Override
        public void close() {
            var contents = new ArrayList<KeyValue<Bytes, byte[]>>();
            try (var all = all()) {
                all.forEachRemaining(contents::add);
            }
            saved.put(name(), contents);
            super.close();
        }
    }
}
