package dev.alchemy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workload on every contender and database, twice, with tiny sizes: the checks inside each run (row counts,
 * ids read back, rows changed) must pass. No timing here; the figures come from JMH (bench/run.sh).
 */
class WorkloadSmokeTest {

    static List<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (String database : List.of("sqlite", "postgresql")) {
            for (Workload w : Workload.values()) {
                for (String contender : Contenders.NAMES) {
                    if (Contenders.runs(w, contender)) {
                        runs.add(Arguments.of(w, contender, database));
                    }
                }
            }
        }
        return runs;
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("runs")
    void everyWorkloadDoesAllItsWorkAndNoMore(Workload workload, String contender, String database) {
        try (Workload.Run run = new Workload.Run(workload, contender, database, Sizes.TINY)) {
            long first = run.once();
            long second = run.once();
            if (workload != Workload.W1 && workload != Workload.W4) {
                assertThat(second).isEqualTo(first);
            }
        }
    }
}
