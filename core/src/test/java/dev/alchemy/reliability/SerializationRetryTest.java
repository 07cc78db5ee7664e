package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.Retry;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.orm.Base;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.SessionFactory;
import dev.alchemy.orm.Table;
import dev.alchemy.testing.OnDatabases;
import dev.alchemy.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * {@link Retry} on real serialization failures: two SERIALIZABLE transactions on PostgreSQL collide (the second
 * one is run, and committed, in the middle of the first's first attempt), the database aborts the first with
 * SQLSTATE 40001, and the retry runs it again, in a new transaction, which commits: its writes are in the database
 * exactly once.
 */
@OnDatabases(TestDatabase.Kind.POSTGRESQL)
class SerializationRetryTest {

    @Table(name = "accounts")
    static class Account {
        @Column(primaryKey = true)
        @Nullable
        Integer id;

        @Column(nullable = false)
        @Nullable
        Integer balance;

        Account() {}

        Account(int id, int balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    @Table(name = "ledger")
    static class Entry {
        @Column(primaryKey = true)
        @Nullable
        Integer id;

        @Column(nullable = false)
        @Nullable
        String what;

        Entry() {}

        Entry(String what) {
            this.what = what;
        }
    }

    @Parameter
    TestDatabase db;

    Engine engine;
    /** Another application's connections: the transaction that collides with ours. */
    Engine other;

    SessionFactory sessions;

    @BeforeEach
    void open() {
        try (Connection c = db.createEngine().connect()) {
            // every new connection to this database runs SERIALIZABLE transactions, as an application would set it
            String name = c.execute(text("SELECT current_database()")).scalar(String.class);
            c.execute(text("ALTER DATABASE \"" + name + "\" SET default_transaction_isolation = 'serializable'"));
            c.commit();
        }
        engine = db.createEngine();
        other = db.createEngine();
        Base.of(Account.class, Entry.class).metadata().createAll(engine);
        sessions = new SessionFactory(engine);
        sessions.useTransaction(session -> session.add(new Account(1, 100)));
    }

    @AfterEach
    void clean() {
        db.reset();
    }

    private long count(String sql) {
        try (Connection c = engine.connect()) {
            return c.execute(text(sql)).scalar(Long.class);
        }
    }

    @Test
    void aSessionThatLostAnUpdateIsRunAgainAndCommitsOnce() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> isolation = new ArrayList<>();
        int balance = sessions.inTransaction(Retry.onSerializationFailure(3), session -> {
            int attempt = attempts.incrementAndGet();
            isolation.add(session.execute(text("SHOW transaction_isolation")).scalar(String.class));
            Account account = session.get(Account.class, 1); // this transaction's snapshot: balance 100
            if (attempt == 1) {
                // meanwhile another transaction changes the row and commits
                other.useTransaction(c -> c.execute(text("UPDATE accounts SET balance = balance + 50 WHERE id = 1")));
            }
            account.balance = account.balance - 30; // written at commit: "could not serialize access" the 1st time
            session.add(new Entry("withdraw 30, attempt " + attempt));
            return account.balance;
        });
        assertThat(attempts).hasValue(2);
        assertThat(isolation).containsOnly("serializable");
        assertThat(balance).isEqualTo(120); // 100 + 50 by the other transaction - 30 by ours, once
        assertThat(count("SELECT balance FROM accounts WHERE id = 1")).isEqualTo(120);
        try (Connection c = engine.connect()) {
            assertThat(c.execute(text("SELECT what FROM ledger")).scalars(String.class))
                    .containsExactly("withdraw 30, attempt 2");
        }
    }

    @Test
    void aWriteSkewBetweenTwoSerializableTransactionsIsRetriedOnTheEngine() {
        // two transactions each read what the other writes: PostgreSQL's SSI aborts the one that commits second
        AtomicInteger attempts = new AtomicInteger();
        long seen = engine.inTransaction(Retry.onSerializationFailure(3), conn -> {
            int attempt = attempts.incrementAndGet();
            long entries = conn.execute(text("SELECT count(*) FROM ledger")).scalar(Long.class);
            if (attempt == 1) {
                other.useTransaction(c -> {
                    c.execute(text("SELECT sum(balance) FROM accounts")).scalar();
                    c.execute(text("INSERT INTO ledger (what) VALUES ('audit by the other transaction')"));
                });
            }
            conn.execute(text("UPDATE accounts SET balance = balance - :n WHERE id = 1"), Map.of("n", entries + 1));
            return entries;
        });
        assertThat(attempts).hasValue(2);
        assertThat(seen).isEqualTo(1); // the second attempt saw the other transaction's row
        assertThat(count("SELECT balance FROM accounts WHERE id = 1")).isEqualTo(98); // 100 - 2, once
        assertThat(count("SELECT count(*) FROM ledger")).isEqualTo(1);
    }

    @Test
    void whenTheRetriesAreUsedUpTheLastFailureIsThrownAndNothingIsWritten() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> sessions.inTransaction(Retry.onSerializationFailure(1), session -> {
                    attempts.incrementAndGet();
                    Account account = session.get(Account.class, 1);
                    other.useTransaction(
                            c -> c.execute(text("UPDATE accounts SET balance = balance + 1 WHERE id = 1")));
                    account.balance = 0; // always collides
                    return account.balance;
                }))
                .isInstanceOf(OperationalError.class)
                .satisfies(e -> assertThat(Retry.isSerializationFailure(e)).isTrue())
                .hasMessageContaining("could not serialize access");
        assertThat(attempts).hasValue(2); // the first attempt and one retry
        assertThat(count("SELECT balance FROM accounts WHERE id = 1")).isEqualTo(102); // only the other's updates
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> engine.inTransaction(Retry.onSerializationFailure(5), conn -> {
                    attempts.incrementAndGet();
                    conn.execute(text("INSERT INTO ledger (what) VALUES ('kept?')"));
                    return conn.execute(text("SELECT no_such_column FROM ledger"))
                            .scalar();
                }))
                .satisfies(e -> assertThat(Retry.isSerializationFailure(e)).isFalse());
        assertThat(attempts).hasValue(1);
        assertThat(count("SELECT count(*) FROM ledger")).isZero(); // rolled back
    }
}
