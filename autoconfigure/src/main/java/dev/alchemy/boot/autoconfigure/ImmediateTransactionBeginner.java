package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * With {@code alchemy.immediate-transactions=true} on SQLite, makes every new read-write transaction of Spring's
 * transaction manager take the database's write lock as it begins (SQLite's {@code BEGIN IMMEDIATE}), right after the
 * manager has turned auto-commit off and before anything runs in it. Concurrent requests that read and then write
 * then wait for each other (up to the busy timeout) instead of failing with "database is locked": without it, a
 * transaction whose snapshot another commit made stale cannot write at all. Read-only and nested transactions are
 * left as they are. Spring Boot registers {@link TransactionExecutionListener} beans with its transaction manager.
 */
final class ImmediateTransactionBeginner implements TransactionExecutionListener {

    private static final Log LOG = LogFactory.getLog(ImmediateTransactionBeginner.class);

    private final Engine engine;
    private final DataSource dataSource;

    ImmediateTransactionBeginner(Engine engine, DataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        EngineDialect dialect = engine.dialect();
        if (beginFailure != null
                || !transaction.isNewTransaction()
                || transaction.isNested()
                || transaction.isReadOnly()
                || !engine.options().immediateTransactions()
                || !dialect.supportsImmediateTransactions()) {
            return;
        }
        if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return; // not a transaction of this DataSource
        }
        try {
            dialect.beginImmediate(holder.getConnection());
        } catch (SQLException e) {
            // the transaction goes on as a deferred one; a write that cannot get the lock fails as it would have
            LOG.debug("could not begin transaction " + transaction.getTransactionName() + " as immediate", e);
        }
    }
}
