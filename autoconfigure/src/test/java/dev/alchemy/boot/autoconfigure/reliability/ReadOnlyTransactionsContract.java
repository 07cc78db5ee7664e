package dev.alchemy.boot.autoconfigure.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.orm.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code @Transactional(readOnly = true)} means read-only: an explicit {@code session.flush()} of changes is refused
 * by the Session before it writes, and SQL that writes (through the Session or {@code JdbcTemplate}) is refused by the
 * database. A pool of one connection shows that the next, read-write transaction can write again. Run on SQLite by
 * {@link ReadOnlyTransactionsTest} (where the driver ignores Spring's {@code setReadOnly(true)}) and on PostgreSQL by
 * {@link PostgresqlReadOnlyTransactionsTest}.
 */
@SpringBootTest(classes = ConflictApp.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ReadOnlyTransactionsContract {

    @Autowired
    Documents documents;

    @Autowired
    Session session;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate readOnly() {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setReadOnly(true);
        return template;
    }

    private String body(int id) {
        return jdbc.queryForObject("SELECT body FROM documents WHERE id = ?", String.class, id);
    }

    @Test
    void anExplicitFlushOfAChangeIsRefusedAndNothingIsWritten() {
        int id = documents.create("original").id;
        assertThatThrownBy(() -> readOnly().executeWithoutResult(status -> {
                    Document d = session.get(Document.class, id);
                    d.body = "changed";
                    session.flush();
                }))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("read-only")
                .hasMessageContaining("changed Document");
        assertThat(body(id)).isEqualTo("original");
    }

    @Test
    void aChangeThatIsNotFlushedIsNotWrittenAtCommit() {
        int id = documents.create("original").id;
        readOnly().executeWithoutResult(status -> session.get(Document.class, id).body = "changed");
        assertThat(body(id)).isEqualTo("original");
    }

    @Test
    void jdbcTemplateWritesAreRefusedByTheDatabase() {
        int id = documents.create("original").id;
        assertThatThrownBy(() -> readOnly()
                        .executeWithoutResult(
                                status -> jdbc.update("UPDATE documents SET body = 'changed' WHERE id = ?", id)))
                .isInstanceOf(DataAccessException.class);
        assertThat(body(id)).isEqualTo("original");
    }

    @Test
    void sqlThroughTheSessionIsRefusedByTheDatabase() {
        int id = documents.create("original").id;
        assertThatThrownBy(() -> readOnly()
                        .executeWithoutResult(status -> session.execute(
                                dev.alchemy.Alchemy.text("UPDATE documents SET body = 'changed' WHERE id = :id"),
                                java.util.Map.of("id", id))))
                .isInstanceOf(DataAccessException.class);
        assertThat(body(id)).isEqualTo("original");
    }

    @Test
    void readsWorkAndTheNextReadWriteTransactionWritesAgain() {
        int id = documents.create("original").id;
        String read = readOnly().execute(status -> session.get(Document.class, id).body);
        assertThat(read).isEqualTo("original");
        // the pool's only connection, right after the read-only transaction
        int next = documents.create("next").id;
        documents.edit(next, "edited", () -> {});
        assertThat(body(next)).isEqualTo("edited");
    }
}
