package dev.alchemy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.bench.jmh.PaginationBenchmark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PaginationBenchmark}'s three ways of reading a page, once each on a small table: each checks its page's
 * rows itself. No timing here; the figures come from JMH.
 */
class PaginationBenchmarkSmokeTest {

    @ParameterizedTest(name = "page {1} on {0}")
    @CsvSource({"sqlite, 1", "sqlite, 50", "postgresql, 1", "postgresql, 50"})
    void everyWayReadsTheSamePage(String database, int page) {
        PaginationBenchmark bench = new PaginationBenchmark();
        bench.database = database;
        bench.page = page;
        bench.rows = 2_000;
        bench.open();
        try {
            int first = bench.offset();
            assertThat(bench.offsetWithoutTotal()).isEqualTo(first);
            assertThat(bench.keyset()).isEqualTo(first);
        } finally {
            bench.close();
        }
    }
}
