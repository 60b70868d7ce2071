package io.leadloop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadloop.localstack.StackConfig;

/**
 * The fault suite from Maven: the short version (one kill -9 of qualification-service) in every {@code mvn verify}, every
 * scenario with {@code -Pfaults}, any selection with {@code -Dleadloop.faults.scenarios=2-broker-stop,5-poison}.
 * Every scenario must end with 0 lost and 0 duplicated and its own checks met.
 */
class FaultSuiteIT {

    @TempDir
    Path home;

    @Test
    void losesAndDuplicatesNothingUnderEveryFault() throws Exception {
        String selection = System.getProperty("leadloop.faults.scenarios", "short");
        List<ScenarioResult> results = FaultSuite.run(StackConfig.locateRoot(), home, selection,
                line -> System.out.println("[faults] " + line));
        String table = ResultTable.markdown(results);
        System.out.println(table);
        String resultsFile = System.getProperty("leadloop.faults.results");
        if (resultsFile != null) {
            FaultSuite.write(Path.of(resultsFile), table);
        }
        assertThat(results).allSatisfy(result -> assertThat(result.problems())
                .as(result.scenario().id() + " (lost %d, duplicated %d)", result.reconciliation().lost(),
                        result.reconciliation().duplicated())
                .isEmpty());
        assertThat(results).allMatch(ScenarioResult::passed);
    }
}
