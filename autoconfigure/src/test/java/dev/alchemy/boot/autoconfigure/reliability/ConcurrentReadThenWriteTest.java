package dev.alchemy.boot.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Concurrent {@code @Transactional} requests that each read a row and then insert, on an SQLite file with
 * {@code alchemy.immediate-transactions=true}: all succeed and every insert is there. Without the property the
 * second writer's INSERT fails at once with {@code CannotAcquireLockException} ("database is locked"): its
 * transaction read a snapshot that another request's commit made stale. {@link PostgresqlConcurrentReadThenWriteTest}
 * runs this test on PostgreSQL, where it passes for another reason, and shows what differs there.
 */
@SpringBootTest(classes = ConflictApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentReadThenWriteTest {

    static final int THREADS = 8;
    static final int PER_THREAD = 50;

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("notes.db"));
        registry.add("alchemy.immediate-transactions", () -> "true");
    }

    @Autowired
    Documents documents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightThreadsReadingThenWritingAllSucceedAndLoseNothing() throws Exception {
        int a = documents.create("a").id;
        int b = documents.create("b").id;
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(threads.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        documents.addNote(i % 2 == 0 ? a : b, thread + "-" + i);
                    }
                    return PER_THREAD;
                }));
            }
            for (Future<Integer> worker : workers) {
                assertThat(worker.get(100, TimeUnit.SECONDS)).isEqualTo(PER_THREAD);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class))
                .isEqualTo(THREADS * PER_THREAD);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT text) FROM notes", Integer.class))
                .isEqualTo(THREADS * PER_THREAD);
    }
}
