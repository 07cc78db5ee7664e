package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * SQLite's own ways of ending or keeping a transaction behind the driver's back, on an engine with one pooled
 * connection (so the next checkout gets the very same physical connection). On {@code database or disk is full}
 * SQLite rolls the whole transaction back by itself; sqlite-jdbc is not told and would commit every later statement
 * at once. A COMMIT that gets {@code SQLITE_BUSY} leaves the transaction open, rows and lock included. A full disk is
 * simulated with {@code PRAGMA max_page_count}, which holds for the physical connection it ran on.
 */
@OnDatabases(TestDatabase.Kind.SQLITE)
class SqliteLostTransactionTest {

    @Table(name = "notes")
    static class Note {
        @Column(primaryKey = true)
        Integer id;

        @Column
        byte[] body;

        Note() {}

        Note(int size) {
            this.body = new byte[size];
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;

    @BeforeEach
    void open() {
        engine = db.createEngine(EngineOptions.defaults().poolSize(1));
        engine.useTransaction(conn -> conn.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB)")));
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private long count() {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT count(*) FROM notes")).scalar(Long.class);
        }
    }

    /** The database may grow by no page at all on this physical connection: a large value no longer fits. */
    private static void fillTheDisk(Connection conn) {
        long pages = conn.execute(text("PRAGMA page_count")).scalar(Long.class);
        conn.execute(text("PRAGMA max_page_count = " + pages));
    }

    private static void insert(Connection conn, int id, int size) {
        conn.execute(
                text("INSERT INTO notes (id, body) VALUES (:id, :body)"), Map.of("id", id, "body", new byte[size]));
    }

    @Test
    void afterADiskFullErrorLaterStatementsAreRefusedNotCommittedOneByOne() {
        try (Connection conn = engine.connect()) {
            fillTheDisk(conn);
            insert(conn, 1, 10);
            assertThatThrownBy(() -> insert(conn, 2, 100_000))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("full");
            // SQLite rolled back the transaction, row 1 included; nothing may now commit on its own
            assertThatThrownBy(() -> insert(conn, 3, 10))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("rolled back this whole transaction")
                    .hasMessageContaining("full")
                    .hasMessageContaining("rollback()");
            assertThatThrownBy(conn::commit)
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("rolled back this whole transaction");
        }
        assertThat(count()).isZero();
    }

    @Test
    void afterADiskFullErrorRollbackWorksAndTheNextTransactionIsATransactionAgain() {
        try (Connection conn = engine.connect()) {
            fillTheDisk(conn);
            insert(conn, 1, 10);
            assertThatThrownBy(() -> insert(conn, 2, 100_000)).isInstanceOf(OperationalError.class);
            conn.rollback();
            insert(conn, 3, 10);
            insert(conn, 4, 10);
            conn.rollback(); // must undo both
        }
        assertThat(count()).isZero();
        try (Connection conn = engine.connect()) {
            insert(conn, 5, 10);
            conn.rollback();
        }
        assertThat(count()).as("the next checkout of the pooled connection").isZero();
        try (Connection conn = engine.connect()) {
            insert(conn, 6, 10);
            conn.commit();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aConnectionClosedAfterADiskFullErrorGoesBackInStep() {
        try (Connection conn = engine.connect()) {
            fillTheDisk(conn);
            insert(conn, 1, 10);
            assertThatThrownBy(() -> insert(conn, 2, 100_000)).isInstanceOf(OperationalError.class);
        } // closed without rollback()
        try (Connection conn = engine.connect()) {
            insert(conn, 3, 10);
            conn.rollback();
        }
        assertThat(count()).isZero();
    }

    @Test
    void aSessionAfterADiskFullErrorNeedsRollbackAndWritesNothingBehindItsBack() {
        SessionFactory sessions = new SessionFactory(engine);
        try (Session session = sessions.openSession()) {
            session.add(new Note(10));
            session.flush();
            long pages = session.execute(text("PRAGMA page_count")).scalar(Long.class);
            session.execute(text("PRAGMA max_page_count = " + pages)); // on the session's connection
            session.add(new Note(100_000));
            assertThatThrownBy(session::flush).isInstanceOf(OperationalError.class);
            assertThatThrownBy(() -> session.add(new Note(1))).isInstanceOf(PendingRollbackError.class);
            session.rollback();

            session.add(new Note(10));
            session.flush();
            session.rollback();
            assertThat(count())
                    .as("nothing committed behind the session's back")
                    .isZero();

            session.add(new Note(10));
            session.commit();
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aCommitThatStaysBusyIsRolledBackNotLeftOpenOnThePooledConnection() throws Exception {
        // rollback journal: a COMMIT needs every reader gone, so an open read transaction makes it time out
        engine.dispose(); // leaving WAL needs the database to itself
        Engine journal = Engine.create(
                db.url() + "?journal_mode=DELETE",
                EngineOptions.defaults().poolSize(1).busyTimeout(Duration.ofMillis(200)));
        try (java.sql.Connection reader = DriverManager.getConnection(db.jdbcUrl())) {
            try (Connection conn = journal.connect()) {
                reader.setAutoCommit(false);
                try (Statement s = reader.createStatement();
                        ResultSet rs = s.executeQuery("SELECT count(*) FROM notes")) {
                    rs.next();
                }
                insert(conn, 1, 10);
                assertThatThrownBy(conn::commit)
                        .isInstanceOf(OperationalError.class)
                        .hasMessageContaining("locked");
            }
            reader.rollback();
            try (Connection conn = journal.connect()) {
                insert(conn, 2, 10);
                conn.commit();
            }
            try (Connection conn = journal.connect()) {
                assertThat(conn.execute(text("SELECT id FROM notes")).scalars(Integer.class))
                        .as("only the row of the transaction that committed")
                        .containsExactly(2);
            }
        } finally {
            journal.dispose();
        }
    }
}
