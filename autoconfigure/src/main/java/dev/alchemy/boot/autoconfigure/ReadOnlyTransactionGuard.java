package dev.alchemy.boot.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.Engine;
import java.sql.Connection;
import java.sql.SQLException;
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
 * Makes the database refuse writes in a {@code @Transactional(readOnly = true)} transaction where the driver does
 * not. Spring's transaction manager calls {@link Connection#setReadOnly(boolean) setReadOnly(true)}, which PostgreSQL's
 * driver turns into a {@code READ ONLY} transaction, but sqlite-jdbc refuses (its flag is fixed when the connection
 * opens) and Spring only logs that; such a transaction could write. So when a new read-only transaction's connection
 * is not read-only, the engine's dialect makes it so ({@code PRAGMA query_only = ON} on SQLite), and makes it read-write
 * again when the transaction completes, before the connection goes back to the pool; should that fail, the connection
 * is evicted from a HikariCP pool rather than handed out read-only.
 */
final class ReadOnlyTransactionGuard implements TransactionExecutionListener {

    private static final Log LOG = LogFactory.getLog(ReadOnlyTransactionGuard.class);

    private final Engine engine;
    private final DataSource dataSource;

    ReadOnlyTransactionGuard(Engine engine, DataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure != null
                || !transaction.isNewTransaction()
                || transaction.isNested()
                || !transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()
                || !(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return;
        }
        Connection connection = holder.getConnection();
        try {
            if (connection.isReadOnly()) {
                return; // the driver took Spring's setReadOnly(true), and Spring resets it
            }
            engine.dialect().setTransactionReadOnly(connection, true);
        } catch (SQLException e) {
            throw new org.springframework.transaction.CannotCreateTransactionException(
                    "could not make transaction " + transaction.getTransactionName() + " read-only: " + e.getMessage(),
                    e);
        }
        TransactionSynchronizationManager.registerSynchronization(new ReadWriteAgain(connection));
    }

    /** Makes the connection read-write again once the transaction has completed, still bound to it. */
    private final class ReadWriteAgain implements TransactionSynchronization {

        private final Connection connection;

        ReadWriteAgain(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void afterCompletion(int status) {
            try {
                engine.dialect().setTransactionReadOnly(connection, false);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("could not make a connection read-write again after a read-only transaction; evicting it", e);
                evict();
            }
        }

        private void evict() {
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                } else {
                    connection.abort(Runnable::run);
                }
            } catch (SQLException | RuntimeException e) {
                LOG.warn("could not evict the connection", e);
            }
        }
    }
}
