package io.leadloop.schemas.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.CompactionPriority;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person keys one {@link PersonKeyRing} has read, on local disk (RocksDB) rather than in the Java heap.
 *
 * <p>Why: the ring used to hold every key in a {@code ConcurrentHashMap}, about 0.5 KB of heap per person with the
 * per-person index. A home of 360,000 people no longer started with a 160 MiB heap, and at a million people every
 * instance of intake, qualification and handoff would carry half a gigabyte. Here the heap holds nothing per person;
 * RocksDB keeps the keys on disk with an 8 MiB block cache and at most two 4 MiB memtables (≤ 16 MiB off-heap).
 *
 * <p>Why not a Kafka Streams store: the ring is read outside any topology (HTTP views, the CRM connector, tests), and
 * its catch-up contract (see {@link PersonKeyRing}) needs the reader's own consumer. Kafka Streams exposes no
 * standalone key-value store, so this class talks to RocksDB (the same {@code rocksdbjni} Kafka Streams ships)
 * directly. It is deliberately a cache of the compacted topic, not a second source of truth: every start wipes it and
 * the ring re-reads the topic, so the write-ahead log is off and a crash loses nothing that matters.
 *
 * <p>Layout: {@code k<keyId>} → the 32 raw key bytes; {@code p<personId>\0<keyId>} → nothing, so a person's key ids
 * are one prefix scan, in key-id order. Erasure matters here: a deleted key can linger in an SST file until RocksDB
 * compacts it, so {@link #compactIfErased()} compacts the whole (small) store after deletions, and {@link #close()}
 * deletes the directory.
 *
 * <p>Thread safety: RocksDB is thread-safe, but a handle used after {@code close()} crashes the JVM rather than
 * throwing, so every access holds the read side of a lock whose write side {@code close()} takes.
 */
final class PersonKeyStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyStore.class);
    private static final long BLOCK_CACHE_BYTES = 8L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    private static final String DIR_PREFIX = "leadloop-person-keys-";
    private static final byte KEY = 'k';
    private static final byte PERSON = 'p';

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final Cache cache;
    private final Options options;
    private final WriteOptions writes;
    private final RocksDB db;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;
    private volatile boolean erasedSinceCompaction;

    private PersonKeyStore(Path dir) throws RocksDBException {
        this.dir = dir;
        this.cache = new LRUCache(BLOCK_CACHE_BYTES);
        var table = new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(new BloomFilter(10))
                .setCacheIndexAndFilterBlocks(true).setPinL0FilterAndIndexBlocksInCache(true);
        this.options = new Options().setCreateIfMissing(true).setTableFormatConfig(table)
                .setWriteBufferSize(MEMTABLE_BYTES).setMaxWriteBufferNumber(2)
                .setCompactionPriority(CompactionPriority.MinOverlappingRatio).setMaxOpenFiles(256)
                .setKeepLogFileNum(1);
        this.writes = new WriteOptions().setDisableWAL(true);
        this.db = RocksDB.open(options, dir.toString());
    }

    /**
     * Opens an empty store in a new directory under {@code baseDir}, first removing the stores that processes which
     * no longer run left there (a killed service cannot delete its own).
     */
    static PersonKeyStore openEmpty(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            removeLeftovers(baseDir);
            Path dir = Files.createTempDirectory(baseDir, DIR_PREFIX + ProcessHandle.current().pid() + "-");
            return new PersonKeyStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the person key store under " + baseDir, e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("Cannot open the person key store under " + baseDir, e);
        }
    }

    /** The raw key bytes of a key id, if this store has them. */
    Optional<byte[]> key(String keyId) {
        return read(() -> {
            try {
                return Optional.ofNullable(db.get(keyEntry(keyId)));
            } catch (RocksDBException e) {
                throw new IllegalStateException("Reading the person key store failed", e);
            }
        });
    }

    /** The key ids of a person, in key-id order. */
    Set<String> keyIdsOf(String personId) {
        return keyIdsOf(personId, Integer.MAX_VALUE);
    }

    /** The person's first key id in key-id order: intake asks this for every capture, so it reads one entry only. */
    Optional<String> firstKeyIdOf(String personId) {
        return keyIdsOf(personId, 1).stream().findFirst();
    }

    private Set<String> keyIdsOf(String personId, int limit) {
        return read(() -> {
            byte[] prefix = personPrefix(personId);
            var ids = new LinkedHashSet<String>();
            try (var upper = new Slice(successor(prefix));
                    var bounded = new ReadOptions().setIterateUpperBound(upper);
                    RocksIterator entries = db.newIterator(bounded)) {
                for (entries.seek(prefix); entries.isValid() && ids.size() < limit; entries.next()) {
                    byte[] entry = entries.key();
                    ids.add(new String(entry, prefix.length, entry.length - prefix.length, StandardCharsets.UTF_8));
                }
            }
            return ids;
        });
    }

    /** Stores a person's key. */
    void put(String personId, String keyId, byte[] key) {
        write(batch -> {
            batch.put(keyEntry(keyId), key);
            batch.put(personEntry(personId, keyId), new byte[0]);
        });
    }

    /** Deletes a key and its place in the person's index. */
    void delete(String personId, String keyId) {
        write(batch -> {
            batch.delete(keyEntry(keyId));
            batch.delete(personEntry(personId, keyId));
        });
        erasedSinceCompaction = true;
    }

    /**
     * Rewrites the store's files when keys were deleted since the last call, so that a shredded key does not stay
     * readable on this disk until RocksDB happens to compact its file. The store holds 32-byte keys, so this is
     * cheap even at a million people; the ring's reader calls it between polls, at most once a minute.
     */
    void compactIfErased() {
        if (!erasedSinceCompaction) {
            return;
        }
        erasedSinceCompaction = false;
        read(() -> {
            try {
                try (var flush = new FlushOptions().setWaitForFlush(true)) {
                    db.flush(flush);
                }
                db.compactRange();
            } catch (RocksDBException e) {
                erasedSinceCompaction = true;
                log.warn("Compacting the person key store after an erasure failed, retrying later: {}", e.toString());
            }
            return null;
        });
    }

    private interface BatchWork {
        void fill(WriteBatch batch) throws RocksDBException;
    }

    private void write(BatchWork work) {
        read(() -> {
            try (var batch = new WriteBatch()) {
                work.fill(batch);
                db.write(writes, batch);
            } catch (RocksDBException e) {
                throw new IllegalStateException("Writing the person key store failed", e);
            }
            return null;
        });
    }

    private <T> T read(Supplier<T> access) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("The person key store is closed");
            }
            return access.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            db.close();
            writes.close();
            options.close();
            cache.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
        deleteTree(dir);
    }

    Path directory() {
        return dir;
    }

    private static byte[] keyEntry(String keyId) {
        return tagged(KEY, keyId);
    }

    private static byte[] personPrefix(String personId) {
        return tagged(PERSON, personId + '\0');
    }

    private static byte[] personEntry(String personId, String keyId) {
        return tagged(PERSON, personId + '\0' + keyId);
    }

    /** The tag byte, then {@code rest} in UTF-8 (where {@code '\0'} is the single byte 0). */
    private static byte[] tagged(byte tag, String rest) {
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[bytes.length + 1];
        entry[0] = tag;
        System.arraycopy(bytes, 0, entry, 1, bytes.length);
        return entry;
    }

    /** The smallest byte string greater than every string starting with {@code prefix} (its last byte is 0). */
    private static byte[] successor(byte[] prefix) {
        byte[] upper = prefix.clone();
        upper[upper.length - 1] = 1;
        return upper;
    }

    private static void removeLeftovers(Path baseDir) throws IOException {
        try (Stream<Path> stores = Files.list(baseDir)) {
            for (Path store : stores.filter(path -> path.getFileName().toString().startsWith(DIR_PREFIX)).toList()) {
                String rest = store.getFileName().toString().substring(DIR_PREFIX.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                boolean ownerRuns = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!ownerRuns) {
                    deleteTree(store);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete the person key store {}: {}", root, e.toString());
        }
    }
}
