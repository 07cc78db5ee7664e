package dev.alchemy.reliability;

import static dev.alchemy.Alchemy.createEngine;
import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.Alchemy;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.OperationalError;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EngineOptions#immediateTransactions(boolean)} on SQLite: the write lock is taken when a transaction runs its
 * first statement, released when it ends, and never held by an idle pooled connection.
 */
class ImmediateTransactionsTest {

    @TempDir
    Path dir;

    Engine immediate;
    Engine plain;

    @BeforeEach
    void open() {
        String url = "sqlite:///" + dir.resolve("locks.db");
        EngineOptions fast = EngineOptions.defaults().busyTimeout(Duration.ofMillis(100));
        immediate = createEngine(url, fast.immediateTransactions(true));
        plain = createEngine(url, fast);
        plain.useTransaction(conn -> conn.execute(text("CREATE TABLE t (x INTEGER)")));
    }

    @AfterEach
    void dispose() {
        immediate.dispose();
        plain.dispose();
    }

    @Test
    void aTransactionHoldsTheWriteLockFromItsFirstStatementEvenWhenItOnlyRead() {
        try (Connection reader = immediate.connect()) {
            reader.execute(text("SELECT count(*) FROM t"));
            try (Connection writer = plain.connect()) {
                assertThatThrownBy(() -> writer.execute(text("INSERT INTO t VALUES (1)")))
                        .isInstanceOf(OperationalError.class)
                        .hasMessageContaining("locked");
            }
            reader.commit(); // releases the lock
            try (Connection writer = plain.connect()) {
                writer.execute(text("INSERT INTO t VALUES (1)"));
                writer.commit();
            }
        }
    }

    @Test
    void anIdleConnectionHoldsNoLockBetweenTransactions() {
        try (Connection idle = immediate.connect()) {
            idle.execute(text("INSERT INTO t VALUES (1)"));
            idle.commit();
            idle.execute(text("SELECT 1"));
            idle.rollback();
            try (Connection writer = plain.connect()) {
                writer.execute(text("INSERT INTO t VALUES (2)"));
                writer.commit();
            }
            idle.execute(text("INSERT INTO t VALUES (3)")); // and it can begin again
            idle.commit();
            assertThat(idle.execute(text("SELECT count(*) FROM t")).scalar(Integer.class))
                    .isEqualTo(3);
        }
    }

    @Test
    void aLockThatStaysTakenIsAnOperationalErrorAndTheConnectionStaysUsable() {
        try (Connection holder = plain.connect();
                Connection waiter = immediate.connect()) {
            holder.execute(text("INSERT INTO t VALUES (1)"));
            assertThatThrownBy(() -> waiter.execute(text("SELECT count(*) FROM t")))
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("locked")
                    .hasMessageContaining("busyTimeout");
            assertThat(waiter.inTransaction()).isFalse();
            holder.commit();
            assertThat(waiter.execute(text("SELECT count(*) FROM t")).scalar(Integer.class))
                    .isEqualTo(1);
            waiter.rollback();
        }
    }

    @Test
    void theSetupDocsReliabilityShowsTakesTheLockAtBegin() {
        String url = "sqlite:///" + dir.resolve("locks.db");
        // tag::immediate[]
        Engine engine = Alchemy.createEngine(url, EngineOptions.defaults().immediateTransactions(true));
        // end::immediate[]
        try (engine;
                Connection conn = engine.connect()) {
            assertThat(engine.options().immediateTransactions()).isTrue();
            conn.execute(text("SELECT 1"));
            try (Connection writer = plain.connect()) {
                assertThatThrownBy(() -> writer.execute(text("INSERT INTO t VALUES (1)")))
                        .isInstanceOf(OperationalError.class);
            }
        }
    }

    @Test
    void sqliteJdbcsOwnTransactionModeIsRefusedBecauseItStallsThePool() {
        // it makes the driver begin the next transaction as soon as one ends: an idle connection holds the lock
        for (String url : new String[] {
            "sqlite:///" + dir.resolve("x.db") + "?transaction_mode=IMMEDIATE",
            "jdbc:sqlite:" + dir.resolve("x.db") + "?transaction_mode=EXCLUSIVE"
        }) {
            assertThatThrownBy(() -> createEngine(url))
                    .isInstanceOf(ArgumentError.class)
                    .hasMessageContaining("immediateTransactions(true)");
        }
        createEngine("sqlite:///" + dir.resolve("x.db") + "?transaction_mode=DEFERRED")
                .dispose();
    }
}
