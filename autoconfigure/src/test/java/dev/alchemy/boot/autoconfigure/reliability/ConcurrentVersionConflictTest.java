package dev.alchemy.boot.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alchemy.exc.StaleDataError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two requests save edited copies of the same versioned row at the same moment, each in its own
 * {@code @Transactional} method on its own thread: exactly one commits, the other gets Spring's
 * {@link OptimisticLockingFailureException} (caused by Alchemy's {@link StaleDataError}), and the row holds the
 * winner's text and the next version. Many rounds, so the race really happens both ways. On an SQLite file here;
 * {@link PostgresqlConcurrentVersionConflictTest} runs the same rounds on PostgreSQL.
 */
@SpringBootTest(classes = ConflictApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentVersionConflictTest {

    static final int ROUNDS = 20;

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("alchemy.url", () -> "sqlite:///" + dir.resolve("conflicts.db"));
    }

    @Autowired
    Documents documents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoConcurrentSavesOfOneVersionLeaveExactlyOneWinner() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int id = documents.create("start").id;
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                for (String name : List.of("left", "right")) {
                    Document copy = documents.find(id); // a request that shows the form
                    // the request that submits it
                    outcomes.add(attempt(threads, name, () -> documents.save(copy, name, together)));
                }
                assertExactlyOneWinner(jdbc, outcomes, id, round);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A save that may throw. */
    interface Save {
        void run() throws Exception;
    }

    /**
     * Runs a save on a thread.
     *
     * @return a future of the save's name when it commits, or of "conflict" when it fails with Spring's
     *     {@link OptimisticLockingFailureException} caused by {@link StaleDataError}
     */
    static Future<String> attempt(ExecutorService threads, String name, Save save) {
        return threads.submit(() -> {
            try {
                save.run();
                return name;
            } catch (OptimisticLockingFailureException e) {
                assertThat(e).hasCauseInstanceOf(StaleDataError.class);
                return "conflict";
            }
        });
    }

    /** Exactly one of two saves of document {@code id} at version 1 conflicted; the row holds the other's body. */
    static void assertExactlyOneWinner(JdbcTemplate jdbc, List<Future<String>> outcomes, int id, int round)
            throws Exception {
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        assertThat(results).as("round %d", round).containsOnlyOnce("conflict");
        String winner = results.get(0).equals("conflict") ? results.get(1) : results.get(0);
        Map<String, Object> row = jdbc.queryForMap("SELECT body, version FROM documents WHERE id = ?", id);
        assertThat(row.get("body")).as("round %d", round).isEqualTo(winner);
        assertThat(((Number) row.get("version")).intValue()).isEqualTo(2);
    }
}
