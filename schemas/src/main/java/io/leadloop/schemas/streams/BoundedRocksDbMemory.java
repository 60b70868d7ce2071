package io.leadloop.schemas.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for every RocksDB store of a service, instead of RocksDB's per-store defaults.
 *
 * <p>Why: Kafka Streams gives each store instance (one per store <em>and partition</em>) its own 50 MiB block
 * cache and up to three 16 MiB memtables, all off the Java heap. A service with a few stores over a dozen
 * partitions can therefore grow far past its heap, which is what kept services above issue 7's 400 MiB resident
 * set. Here all stores of the JVM share one LRU cache, and their memtables are charged against that same cache
 * through one {@link WriteBufferManager} — the configuration Kafka's memory-management guide gives for exactly this
 * ("bounding memory usage"). The budget is {@value #TOTAL_BYTES_CONFIG} (default 32 MiB), a quarter of it for
 * memtables; index and filter blocks live in the cache at high priority, so they count too.
 *
 * <p>Enabled per service with {@code rocksdb.config.setter: io.leadloop.schemas.streams.BoundedRocksDbMemory}.
 * The cache and the manager are shared by every store and never closed by one of them.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The Streams property (bytes) a service may set to change the budget; read once, by the first store. */
    public static final String TOTAL_BYTES_CONFIG = "leadloop.rocksdb.total-bytes";
    static final long DEFAULT_TOTAL_BYTES = 32L * 1024 * 1024;
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;
    private static final long BLOCK_SIZE = 8 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;
    private static long memtableBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedRocksDbMemory.class) {
            if (cache == null) {
                long total = totalBytes(configs);
                memtableBytes = total / 4;
                cache = new LRUCache(total, -1, false, HIGH_PRIORITY_POOL_RATIO);
                writeBuffers = new WriteBufferManager(memtableBytes, cache);
            }
            table.setBlockCache(cache);
            options.setWriteBufferManager(writeBuffers);
        }
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOCK_SIZE);
        // Small memtables: the manager flushes by the shared budget anyway, and a store's changelog is the
        // source of truth, so a flush costs a little write amplification, never data.
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(Math.max(1024 * 1024, memtableBytes / 4));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store of this JVM: not closed by one store.
    }

    static long totalBytes(Map<String, Object> configs) {
        Object value = configs.get(TOTAL_BYTES_CONFIG);
        if (value == null) {
            return DEFAULT_TOTAL_BYTES;
        }
        long bytes = Long.parseLong(value.toString().trim());
        if (bytes < 4L * 1024 * 1024) {
            throw new IllegalArgumentException(TOTAL_BYTES_CONFIG + " must be at least 4 MiB, not " + bytes);
        }
        return bytes;
    }
}
