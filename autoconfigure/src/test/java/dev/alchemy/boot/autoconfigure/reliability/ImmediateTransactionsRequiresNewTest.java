package dev.alchemy.boot.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caveat of {@code alchemy.immediate-transactions=true} that docs/spring-boot.md states: a read-write
 * {@code REQUIRES_NEW} transaction begun inside a read-write transaction runs on another connection while its caller
 * holds SQLite's write lock, which the caller keeps until the inner one ends. The inner one cannot get the lock: it
 * waits for the busy timeout and its write fails with {@code CannotAcquireLockException}. A read-only inner transaction
 * needs no lock and reads at once; a read-only caller holds none, so there the inner transaction writes. (The pool's busy timeout is short here to keep the test fast.)
 */
@SpringBootTest(classes = ConflictApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImmediateTransactionsRequiresNewTest {

    static final long BUSY_TIMEOUT_MS = 300;

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:sqlite:" + dir.resolve("requires-new.db")
                        + "?foreign_keys=true&journal_mode=WAL&busy_timeout=" + BUSY_TIMEOUT_MS);
        registry.add("alchemy.immediate-transactions", () -> "true");
    }

    @Autowired
    Documents documents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate template(boolean readOnly, int propagation) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(readOnly);
        template.setPropagationBehavior(propagation);
        return template;
    }

    private int notes() {
        return jdbc.queryForObject("SELECT count(*) FROM notes", Integer.class);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReadWriteRequiresNewInsideAReadWriteTransactionWaitsForTheBusyTimeoutAndCannotWrite() {
        int id = documents.create("doc").id;
        int before = notes();
        template(false, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
            // the outer transaction holds the write lock since it began, though it has run no statement yet
            long start = System.nanoTime();
            assertThatThrownBy(() -> template(false, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                            .executeWithoutResult(inner -> documents.addNote(id, "inner")))
                    .isInstanceOf(CannotAcquireLockException.class)
                    .hasMessageContaining("database is locked");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(BUSY_TIMEOUT_MS);
            documents.addNote(id, "outer"); // the outer transaction goes on
        });
        assertThat(notes()).isEqualTo(before + 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReadOnlyRequiresNewInsideAReadWriteTransactionReadsWithoutWaiting() {
        int id = documents.create("doc").id;
        template(false, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
            long start = System.nanoTime();
            String body = template(true, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                    .execute(inner -> documents.find(id).body);
            assertThat(body).isEqualTo("doc");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(BUSY_TIMEOUT_MS);
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aReadWriteRequiresNewInsideAReadOnlyTransactionWrites() {
        int id = documents.create("doc").id;
        int before = notes();
        template(true, TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
            documents.find(id); // the read-only transaction reads, but holds no write lock
            template(false, TransactionDefinition.PROPAGATION_REQUIRES_NEW)
                    .executeWithoutResult(inner -> documents.addNote(id, "inner"));
        });
        assertThat(notes()).isEqualTo(before + 1);
    }
}
