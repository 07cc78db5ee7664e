package dev.alchemy.boot.autoconfigure;

import static dev.alchemy.Alchemy.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.exc.OperationalError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Spring's immediate transactions and the engine's own wait in one fair queue, the engine's: while a Spring
 * read-write transaction holds SQLite's write lock, an engine transaction waits its turn in Java and, past the busy
 * timeout, fails with the engine's message, not in SQLite's busy handler (which lets a waiter lose every round to
 * newer ones, and made {@code ConcurrentReadThenWriteTest} fail under load). The turn passes on when the Spring
 * transaction commits or rolls back.
 */
class ImmediateTransactionQueueTest {

    @TempDir
    Path dir;

    Engine engine;
    DataSourceTransactionManager transactions;

    @BeforeEach
    void open() {
        engine = Engine.create(
                "sqlite:///" + dir.resolve("queue.db"),
                EngineOptions.defaults().busyTimeout(Duration.ofMillis(500)).immediateTransactions(true));
        engine.useTransaction(c -> c.execute(text("CREATE TABLE notes (text VARCHAR(20))")));
        transactions = new DataSourceTransactionManager(engine.dataSource());
        transactions.setTransactionExecutionListeners(
                List.of(new ImmediateTransactionBeginner(engine, engine.dataSource())));
    }

    @AfterEach
    void close() {
        engine.dispose();
    }

    private void engineWrites(String text) {
        CompletableFuture.runAsync(() -> engine.useTransaction(c ->
                        c.execute(text("INSERT INTO notes (text) VALUES (:t)").bind("t", text))))
                .join();
    }

    private long notes() {
        try (var c = engine.connect()) {
            return c.execute(text("SELECT count(*) FROM notes")).scalar(Long.class);
        }
    }

    @Test
    void anEngineTransactionWaitsInTheEnginesQueueBehindASpringOne() {
        TransactionStatus spring = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            assertThatThrownBy(() -> engineWrites("meanwhile"))
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(OperationalError.class)
                    .hasMessageContaining("other transactions of this engine held the write lock");
        } finally {
            transactions.rollback(spring);
        }
        engineWrites("after a rollback");
        transactions.commit(transactions.getTransaction(new DefaultTransactionDefinition()));
        engineWrites("after a commit");
        assertThat(notes()).isEqualTo(2);
    }

    @Test
    void aReadOnlySpringTransactionTakesNoTurn() {
        DefaultTransactionDefinition readOnly = new DefaultTransactionDefinition();
        readOnly.setReadOnly(true);
        TransactionStatus spring = transactions.getTransaction(readOnly);
        try {
            engineWrites("meanwhile");
        } finally {
            transactions.rollback(spring);
        }
        assertThat(notes()).isEqualTo(1);
    }
}
