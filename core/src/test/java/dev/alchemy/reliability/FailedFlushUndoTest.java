package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Transaction;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.PendingRollbackError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Session;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * A flush that fails after it has written some objects undoes its own bookkeeping, and a rollback leaves every object
 * showing what its row holds. Before, objects UPDATEd by a failed (or rolled-back) flush kept the rolled-back values
 * and looked written ({@code isModified()} false, versions advanced), so a later commit silently left the database
 * without the edit the objects still showed. As in SQLAlchemy, whose rollback expires every object: the rolled-back
 * work is gone from the objects too, and nothing of it is written by a later commit.
 */
@OnDatabases
class FailedFlushUndoTest {

    @Table(name = "accounts")
    static class Account {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, unique = true, length = 100)
        String name;

        @Column(nullable = false)
        Integer balance;

        /** Makes accounts depend on ledgers, so a flush always writes ledgers first. */
        @Column
        @ForeignKey("ledgers.id")
        Long ledgerId;

        Account() {}

        Account(String name, int balance) {
            this.name = name;
            this.balance = balance;
        }
    }

    @Table(name = "ledgers")
    static class Ledger {
        @Column(primaryKey = true)
        Long id;

        @Column(nullable = false, length = 100)
        String title;

        @Version
        @Column
        Integer version;

        Ledger() {}

        Ledger(String title) {
            this.title = title;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    SessionFactory sessions;

    @BeforeEach
    void open() {
        engine = db.createEngine();
        Base.of(Account.class, Ledger.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private List<Object> column(String sql) {
        try (Connection c = engine.connect()) {
            return c.execute(text(sql)).scalars();
        }
    }

    @Test
    void aFailedFlushPutsBackWhatItWroteAndRollbackShowsTheStoredValues() {
        try (Session session = sessions.openSession()) {
            Ledger ledger = new Ledger("2026");
            session.add(ledger);
            session.add(new Account("alice", 10));
            session.commit();

            ledger.title = "2026, audited"; // ledgers are flushed before accounts, which refer to them
            session.add(new Account("alice", 99)); // duplicate name: the flush fails after the UPDATE
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);

            // the failed flush took back its own bookkeeping: the change is pending again, the version unchanged
            assertThat(session.isModified(ledger)).isTrue();
            assertThat(ledger.version).isEqualTo(1);
            assertThatThrownBy(() -> session.get(Ledger.class, ledger.id)).isInstanceOf(PendingRollbackError.class);

            session.rollback();
            assertThat(ledger.title).isEqualTo("2026"); // what the row holds
            assertThat(ledger.version).isEqualTo(1);
            assertThat(session.isModified(ledger)).isFalse();

            ledger.title = "2026, audited"; // applied again, it is written, and its version check passes
            session.commit();
            assertThat(ledger.version).isEqualTo(2);
        }
        assertThat(column("SELECT title FROM ledgers")).containsExactly("2026, audited");
        assertThat(column("SELECT version FROM ledgers"))
                .hasSize(1)
                .first()
                .asString()
                .isEqualTo("2");
        assertThat(column("SELECT balance FROM accounts")).hasSize(1);
    }

    @Test
    void anUpdateStatementThatFailsLeavesEveryObjectOfItsBatchPending() {
        try (Session session = sessions.openSession()) {
            Ledger first = new Ledger("2025");
            Ledger second = new Ledger("2026");
            session.add(first);
            session.add(second);
            session.commit();

            first.title = "2025, closed";
            second.title = null; // NOT NULL: the one UPDATE statement of both rows fails
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);

            // neither row was written: both changes are pending again, the versions unchanged
            assertThat(session.isModified(first)).isTrue();
            assertThat(session.isModified(second)).isTrue();
            assertThat(first.version).isEqualTo(1);
            assertThat(second.version).isEqualTo(1);

            session.rollback();
            first.title = "2025, closed";
            second.title = "2026, open";
            session.commit();
            assertThat(first.version).isEqualTo(2);
            assertThat(second.version).isEqualTo(2);
        }
        assertThat(column("SELECT title FROM ledgers ORDER BY id")).containsExactly("2025, closed", "2026, open");
        assertThat(column("SELECT version FROM ledgers ORDER BY id"))
                .extracting(Object::toString)
                .containsExactly("2", "2");
    }

    @Test
    void anUpdateFlushedThenRolledBackIsNotLeftLookingWritten() {
        try (Session session = sessions.openSession()) {
            Account account = new Account("bob", 10);
            Account other = new Account("dan", 5);
            session.add(account);
            session.add(other);
            session.commit();

            account.balance = 20;
            session.flush();
            other.balance = 6; // not flushed: a rollback discards it too
            session.rollback();

            assertThat(account.balance).isEqualTo(10);
            assertThat(other.balance).isEqualTo(5);
            assertThat(session.isModified(account)).isFalse();
            assertThat(session.isModified(other)).isFalse();
            session.commit();
        }
        assertThat(column("SELECT balance FROM accounts ORDER BY name"))
                .extracting(String::valueOf)
                .containsExactly("10", "5");
    }

    @Test
    void aSavepointRolledBackAfterAFailedFlushPutsBackItsOwnWork() {
        try (Session session = sessions.openSession()) {
            Ledger ledger = new Ledger("draft");
            Account account = new Account("carol", 1);
            session.add(ledger);
            session.add(account);
            session.commit();

            account.balance = 2; // flushed by beginNested(), outside the savepoint: kept
            Transaction savepoint = session.beginNested();
            ledger.title = "final";
            session.add(new Account("carol", 3));
            assertThatThrownBy(session::flush).isInstanceOf(IntegrityError.class);
            assertThat(ledger.version).isEqualTo(1);
            savepoint.rollback();

            assertThat(ledger.title).isEqualTo("draft");
            assertThat(ledger.version).isEqualTo(1);
            assertThat(session.isModified(ledger)).isFalse();
            assertThat(account.balance).isEqualTo(2);
            session.commit();
        }
        assertThat(column("SELECT title FROM ledgers")).containsExactly("draft");
        assertThat(column("SELECT balance FROM accounts"))
                .extracting(String::valueOf)
                .containsExactly("2");
    }

    @Test
    void aVersionAdvancedByARolledBackFlushIsPutBackOnClose() {
        Ledger ledger = new Ledger("v");
        try (Session session = sessions.openSession()) {
            session.add(ledger);
            session.commit();
            ledger.title = "w";
            session.flush();
            assertThat(ledger.version).isEqualTo(2);
        } // closed without commit: rolled back
        assertThat(ledger.version).isEqualTo(1);
        try (Session session = sessions.openSession()) {
            session.add(ledger); // re-attached: its change is written, its version checked
            session.commit();
        }
        assertThat(column("SELECT title FROM ledgers")).containsExactly("w");
    }
}
