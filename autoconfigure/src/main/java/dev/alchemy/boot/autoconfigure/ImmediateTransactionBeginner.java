package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.WriteTurn;
import dev.alchemy.exc.AlchemyException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * With {@code alchemy.immediate-transactions=true} on SQLite, makes every new read-write transaction of Spring's
 * transaction manager take the database's write lock as it begins (SQLite's {@code BEGIN IMMEDIATE}), right after the
 * manager has turned auto-commit off and before anything runs in it. Concurrent requests that read and then write
 * then wait for each other (up to the busy timeout) instead of failing with "database is locked": without it, a
 * transaction whose snapshot another commit made stale cannot write at all. The wait is in the engine's fair queue
 * ({@link Engine#beginImmediate}), shared with the engine's own immediate transactions, not in SQLite's busy handler,
 * under which one waiter can lose every round to newer ones until its busy timeout. The turn passes on when the
 * transaction completes. Read-only and nested transactions are left as they are. Spring Boot registers
 * {@link TransactionExecutionListener} beans with its transaction manager.
 */
final class ImmediateTransactionBeginner implements TransactionExecutionListener {

    private static final Log LOG = LogFactory.getLog(ImmediateTransactionBeginner.class);

    private final Engine engine;
    private final DataSource dataSource;
    /** The write turn of each transaction that took one, until it commits or rolls back. */
    private final Map<TransactionExecution, WriteTurn> turns = new ConcurrentHashMap<>();

    ImmediateTransactionBeginner(Engine engine, DataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure != null
                || !transaction.isNewTransaction()
                || transaction.isNested()
                || transaction.isReadOnly()
                || !engine.options().immediateTransactions()
                || !engine.dialect().supportsImmediateTransactions()) {
            return;
        }
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return; // not a transaction of this DataSource
        }
        WriteTurn turn;
        try {
            turn = engine.beginImmediate(holder.getConnection());
        } catch (AlchemyException e) {
            // the transaction goes on as a deferred one; a write that cannot get the lock fails as it would have
            LOG.debug("could not begin transaction " + transaction.getTransactionName() + " as immediate", e);
            return;
        }
        turns.put(transaction, turn);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // whichever way the transaction ends (a failed commit included), the next one in the queue goes on
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    release(transaction);
                }
            });
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        release(transaction);
    }

    @Override
    public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
        release(transaction);
    }

    private void release(TransactionExecution transaction) {
        WriteTurn turn = turns.remove(transaction);
        if (turn != null) {
            turn.close();
        }
    }
}
