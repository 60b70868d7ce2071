package io.leadloop.schemas.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    @Test
    void everyStoreGetsSmallMemtablesChargedToTheSharedBudget() {
        RocksDB.loadLibrary();
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedRocksDbMemory().setConfig("store-1", options, Map.of());

            assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(options.writeBufferSize()).isEqualTo(2L * 1024 * 1024); // a quarter of the 8 MiB memtable share
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        }
    }

    @Test
    void theBudgetComesFromTheStreamsConfigurationAndMustLeaveRocksDbRoomToWork() {
        assertThat(BoundedRocksDbMemory.totalBytes(Map.of())).isEqualTo(BoundedRocksDbMemory.DEFAULT_TOTAL_BYTES);
        assertThat(BoundedRocksDbMemory.totalBytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, "67108864")))
                .isEqualTo(64L * 1024 * 1024);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BoundedRocksDbMemory.totalBytes(Map.of(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG, "1024")))
                .withMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG);
    }
}
