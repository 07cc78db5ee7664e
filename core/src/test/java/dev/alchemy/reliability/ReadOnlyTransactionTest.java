package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.insert;
import static dev.alchemy.Alchemy.select;
import static dev.alchemy.Alchemy.text;
import static dev.alchemy.Alchemy.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A read-only transaction cannot write: the database itself refuses (SQLite's {@code PRAGMA query_only}, PostgreSQL's
 * {@code READ ONLY} transaction), and a read-only Session says so before it tries to flush. The engine has one pooled
 * connection, so the next checkout shows that the read-only setting did not outlive its transaction.
 */
@OnDatabases
class ReadOnlyTransactionTest {

    @Table(name = "accounts")
    static class Account {
        @Column(primaryKey = true)
        Integer id;

        @Column(length = 100)
        String owner;

        Account() {}

        Account(String owner) {
            this.owner = owner;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = db.createEngine(EngineOptions.defaults().poolSize(1));
        engine.useTransaction(conn -> {
            conn.execute(text("CREATE TABLE accounts (id " + db.autoincrementPrimaryKey() + ", owner VARCHAR(50))"));
            conn.execute(text("INSERT INTO accounts (owner) VALUES ('Alice')"));
        });
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private java.util.List<String> owners() {
        try (Connection conn = engine.connect()) {
            return conn.execute(text("SELECT owner FROM accounts ORDER BY id")).scalars(String.class);
        }
    }

    @Test
    void theDatabaseRefusesWritesInAReadOnlyTransaction() {
        try (Connection conn = engine.connect()) {
            conn.setReadOnly(true);
            assertThat(conn.isReadOnly()).isTrue();
            assertThat(conn.execute(text("SELECT count(*) FROM accounts")).scalar(Long.class))
                    .isEqualTo(1);
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO accounts (owner) VALUES ('Bob')")))
                    .isInstanceOf(DBAPIError.class)
                    // MariaDB: "Cannot execute statement in a READ ONLY transaction"
                    .hasMessageContaining(db.isMariadb() ? "READ ONLY" : "read");
            conn.rollback();
            assertThatThrownBy(() -> conn.execute(text("UPDATE accounts SET owner = 'Mallory'")))
                    .as("every transaction of the connection while it is set")
                    .isInstanceOf(DBAPIError.class);
            conn.rollback();
            conn.setReadOnly(false);
            conn.execute(text("INSERT INTO accounts (owner) VALUES ('Carol')"));
            conn.commit();
        }
        assertThat(owners()).containsExactly("Alice", "Carol");
    }

    @Test
    void theNextCheckoutOfThePooledConnectionCanWriteAgain() {
        try (Connection conn = engine.connect()) {
            conn.setReadOnly(true);
            conn.execute(text("SELECT count(*) FROM accounts"));
        } // closed inside the read-only transaction
        try (Connection conn = engine.connect()) {
            assertThat(conn.isReadOnly()).isFalse();
            conn.execute(text("INSERT INTO accounts (owner) VALUES ('Bob')"));
            conn.commit();
        }
        assertThat(owners()).containsExactly("Alice", "Bob");
    }

    @Test
    void readOnlyCannotChangeInTheMiddleOfATransaction() {
        try (Connection conn = engine.connect()) {
            conn.execute(text("SELECT 1"));
            assertThatThrownBy(() -> conn.setReadOnly(true))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("commit() or rollback()");
        }
    }

    @Test
    void aReadOnlySessionRefusesToFlushChangesAndWritesNothing() {
        try (Session session = sessions.withReadOnly(true).openSession()) {
            Account alice = session.query(Account.class).one();
            alice.owner = "Mallory";
            // no autoflush: a query neither writes the change nor fails over it
            assertThat(session.query(Account.class).count()).isEqualTo(1);
            assertThatThrownBy(session::flush)
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("read-only")
                    .hasMessageContaining("Account");
            session.add(new Account("Bob"));
            assertThatThrownBy(session::commit)
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("read-only");
            session.rollback();
        }
        assertThat(owners()).containsExactly("Alice");
    }

    @Test
    void aReadOnlySessionWithNothingToWriteFlushesAndCommits() {
        try (Session session = sessions.withReadOnly(true).openSession()) {
            assertThat(session.query(Account.class).one().owner).isEqualTo("Alice");
            session.flush();
            session.commit();
        }
    }

    /**
     * SELECTs of the expression language run without the guard where it is a statement of its own (SQLite), so the
     * guard must still be in place for the first statement that could write, whatever ran before it.
     */
    @Test
    void aWriteAfterSelectsInAReadOnlyTransactionIsRefused() {
        dev.alchemy.schema.Table accounts = Base.of(Account.class).metadata().table("accounts");
        try (Connection conn = engine.connect()) {
            conn.setReadOnly(true);
            assertThat(conn.execute(select(accounts.c("owner"))).scalars(String.class))
                    .containsExactly("Alice");
            assertThatThrownBy(() -> conn.execute(insert(accounts).values(Map.of("owner", "Bob"))))
                    .isInstanceOf(DBAPIError.class);
            conn.rollback();
            assertThat(conn.execute(select(accounts.c("owner"))).scalars(String.class))
                    .containsExactly("Alice");
            assertThatThrownBy(() -> conn.execute(update(accounts).values(Map.of("owner", "Mallory"))))
                    .isInstanceOf(DBAPIError.class);
            conn.rollback();
            assertThat(conn.execute(select(accounts.c("owner"))).scalars(String.class))
                    .containsExactly("Alice");
            assertThatThrownBy(() -> conn.execute(text("DELETE FROM accounts"))).isInstanceOf(DBAPIError.class);
            conn.rollback();
        }
        try (Session session = sessions.withReadOnly(true).openSession()) {
            assertThat(session.query(Account.class).one().owner).isEqualTo("Alice");
            assertThat(session.get(Account.class, session.query(Account.class).one().id))
                    .isNotNull();
            assertThatThrownBy(() -> session.execute(text("UPDATE accounts SET owner = 'Mallory'"), Map.of()))
                    .isInstanceOf(DBAPIError.class);
        }
        assertThat(owners()).containsExactly("Alice");
    }

    @Test
    void aReadOnlyTransactionOfSelectsLeavesThePooledConnectionWritable() {
        dev.alchemy.schema.Table accounts = Base.of(Account.class).metadata().table("accounts");
        try (Connection conn = engine.connect()) {
            conn.setReadOnly(true);
            conn.execute(select(accounts.c("owner"))).all();
            conn.rollback();
            conn.execute(text("SELECT count(*) FROM accounts")).scalar(Long.class); // text: guarded
        }
        try (Connection conn = engine.connect()) {
            conn.execute(insert(accounts).values(Map.of("owner", "Bob")));
            conn.commit();
        }
        assertThat(owners()).containsExactly("Alice", "Bob");
    }

    @Test
    void sqlRunThroughAReadOnlySessionIsRefusedByTheDatabase() {
        try (Session session = sessions.withReadOnly(true).openSession()) {
            assertThatThrownBy(() -> session.execute(text("DELETE FROM accounts"), Map.of()))
                    .isInstanceOf(DBAPIError.class);
        }
        assertThat(owners()).containsExactly("Alice");
    }
}
