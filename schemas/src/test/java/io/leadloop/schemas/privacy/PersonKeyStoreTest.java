package io.leadloop.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonKeyStoreTest {

    @TempDir
    Path base;

    @Test
    void keepsKeysAndEachPersonsKeyIdsInOrder() {
        try (var store = PersonKeyStore.openEmpty(base)) {
            store.put("person-b", "person-b:2", bytes(2));
            store.put("person-b", "person-b:1", bytes(1));
            store.put("person-bb", "person-bb:9", bytes(9));
            store.put("person-a", "person-a:1", bytes(3));

            assertThat(store.key("person-b:2")).hasValueSatisfying(key -> assertThat(key).isEqualTo(bytes(2)));
            assertThat(store.key("person-c:1")).isEmpty();
            assertThat(store.keyIdsOf("person-b")).containsExactly("person-b:1", "person-b:2");
            assertThat(store.keyIdsOf("person-bb")).containsExactly("person-bb:9");
            assertThat(store.keyIdsOf("person")).isEmpty();
            assertThat(store.firstKeyIdOf("person-b")).hasValue("person-b:1");
            assertThat(store.firstKeyIdOf("person")).isEmpty();
        }
    }

    @Test
    void forgetsADeletedKeyAndCompactsItAway() {
        try (var store = PersonKeyStore.openEmpty(base)) {
            store.put("person-a", "person-a:1", bytes(1));
            store.put("person-a", "person-a:2", bytes(2));

            store.delete("person-a", "person-a:1");
            store.compactIfErased();

            assertThat(store.key("person-a:1")).isEmpty();
            assertThat(store.keyIdsOf("person-a")).containsExactly("person-a:2");
        }
    }

    @Test
    void deletesItsDirectoryOnCloseAndRefusesUseAfterIt() {
        var store = PersonKeyStore.openEmpty(base);
        Path dir = store.directory();
        store.put("person-a", "person-a:1", bytes(1));

        store.close();

        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> store.key("person-a:1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void removesStoresLeftByProcessesThatNoLongerRun() throws Exception {
        Path leftover = Files.createDirectories(base.resolve("leadloop-person-keys-" + Long.MAX_VALUE + "-123"));
        Files.writeString(leftover.resolve("000001.sst"), "old keys");
        Path someoneElses = Files.createDirectories(base.resolve("unrelated"));

        try (var store = PersonKeyStore.openEmpty(base)) {
            assertThat(leftover).doesNotExist();
            assertThat(someoneElses).exists();
            assertThat(store.directory()).exists();
        }
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
