package dev.alchemy.boot.autoconfigure.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.orm.Session;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In Spring, on SQLite, a transaction that fails leaves nothing behind on the pooled connection: a COMMIT refused by a
 * {@code DEFERRABLE INITIALLY DEFERRED} foreign key is rolled back (Boot's {@code JdbcTransactionManager} rolls back
 * after a failed commit), and after "database or disk is full", which makes SQLite roll the whole transaction back
 * by itself, the next transaction on the connection is a transaction again rather than a run of statements each
 * committed at once. A pool of one connection with auto-commit off (a common HikariCP setting) makes the next
 * transaction run on the very same connection.
 */
@SpringBootTest(classes = ConflictApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SpringFailedCommitTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("failed-commit.db") + "?foreign_keys=on");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "1");
        registry.add("spring.datasource.hikari.auto-commit", () -> "false");
    }

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate tx;

    @BeforeEach
    void tables() {
        tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            jdbc.execute("CREATE TABLE IF NOT EXISTS fc_parents (id INTEGER PRIMARY KEY)");
            jdbc.execute("CREATE TABLE IF NOT EXISTS fc_children (id INTEGER PRIMARY KEY, parent_id INTEGER"
                    + " REFERENCES fc_parents (id) DEFERRABLE INITIALLY DEFERRED)");
            jdbc.execute("CREATE TABLE IF NOT EXISTS fc_blobs (id INTEGER PRIMARY KEY, body BLOB)");
            jdbc.update("DELETE FROM fc_children");
            jdbc.update("DELETE FROM fc_parents");
            jdbc.update("DELETE FROM fc_blobs");
        });
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    @Test
    void aCommitRefusedByADeferredForeignKeyLeavesNoRowForTheNextTransaction() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> session.execute(
                        text("INSERT INTO fc_children (parent_id) VALUES (:parent)"), Map.of("parent", 99))))
                .isInstanceOf(DataIntegrityViolationException.class);
        tx.executeWithoutResult(status -> jdbc.update("INSERT INTO fc_parents (id) VALUES (99)"));
        assertThat(count("fc_parents")).isEqualTo(1);
        assertThat(count("fc_children")).isZero();
    }

    @Test
    void afterADiskFullErrorTheNextTransactionOnTheConnectionIsATransactionAgain() {
        try {
            assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                        long pages = jdbc.queryForObject("PRAGMA page_count", Long.class);
                        jdbc.execute("PRAGMA max_page_count = " + pages); // this physical connection's disk is full
                        session.execute(
                                text("INSERT INTO fc_blobs (id, body) VALUES (1, :body)"),
                                Map.of("body", new byte[10]));
                        session.execute(
                                text("INSERT INTO fc_blobs (id, body) VALUES (2, :body)"),
                                Map.of("body", new byte[100_000]));
                    }))
                    .isInstanceOf(DataAccessException.class);
            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO fc_blobs (id, body) VALUES (3, x'00')");
                jdbc.update("INSERT INTO fc_blobs (id, body) VALUES (4, x'00')");
                status.setRollbackOnly();
            });
            assertThat(count("fc_blobs"))
                    .as("rolled back, not committed statement by statement")
                    .isZero();
        } finally {
            tx.executeWithoutResult(status -> jdbc.execute("PRAGMA max_page_count = 1073741823"));
        }
    }
}
