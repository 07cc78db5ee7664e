package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.EngineDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives every physical connection of the application's {@code DataSource} the dialect's per-connection set-up
 * ({@link EngineDialect#initializeConnection}: SQLite's foreign keys) exactly once, at a moment when nothing has run
 * in its transaction: when a new Spring transaction has just begun on it (this listener, first of Alchemy's), or when
 * the engine takes it outside a Spring transaction ({@link SpringConnectionProvider}). The engine's own pool opens
 * its connections so; a pool Spring Boot built from {@code spring.datasource.url}, or the application's own
 * {@code DataSource} bean, does not. SQLite's {@code PRAGMA foreign_keys} does nothing inside a transaction, so it
 * cannot simply be run whenever the engine first sees a connection.
 */
final class ConnectionInitializer implements TransactionExecutionListener, Ordered {

    private static final Log LOG = LogFactory.getLog(ConnectionInitializer.class);

    private final DataSource dataSource;
    private final AlchemyProperties properties;
    private volatile @Nullable EngineDialect dialect;
    private final Set<Connection> initialized =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final AtomicBoolean warned = new AtomicBoolean();

    ConnectionInitializer(DataSource dataSource, AlchemyProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    /** @return the dialect of the data source, found once (the engine's too) */
    EngineDialect dialect() {
        EngineDialect found = dialect;
        if (found == null) {
            found = DialectDetector.detect(dataSource, properties.getDialect());
            dialect = found;
        }
        return found;
    }

    /** Before Alchemy's other listeners, which may run statements in the new transaction. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure != null
                || !transaction.isNewTransaction()
                || transaction.isNested()
                || !(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return;
        }
        try {
            initialize(holder.getConnection());
        } catch (SQLException | RuntimeException e) {
            // thrown here, the transaction would never complete and its connection would stay bound: it is made
            // to roll back instead, so nothing is written without the set-up (foreign keys)
            LOG.error(
                    "could not prepare the connection of transaction " + transaction.getTransactionName()
                            + "; it will roll back",
                    e);
            transaction.setRollbackOnly();
        }
    }

    /**
     * Called by the engine's connection provider for each connection it takes.
     *
     * @param connection a connection of the data source
     * @throws SQLException from the driver
     */
    void connectionTaken(Connection connection) throws SQLException {
        EngineDialect dialect = dialect();
        if (!dialect.initializesConnections() || isInitialized(connection)) {
            return;
        }
        if (DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
            // a transaction this listener did not see begin (a transaction manager without Spring Boot's
            // listeners): something may have run in it already, which preparing it would commit
            if (warned.compareAndSet(false, true)) {
                LOG.warn(
                        "A Spring transaction on " + dataSource + " began without Alchemy's "
                                + getClass().getSimpleName()
                                + " (a transaction manager Spring Boot did not configure?), "
                                + "so its connection could not be prepared by the " + dialect.name()
                                + " dialect (SQLite: foreign keys on). Register the bean of type TransactionExecutionListener "
                                + "named 'alchemyConnectionInitializer' with the transaction manager; see docs/spring-boot.md.");
            }
            return;
        }
        initialize(connection); // a fresh checkout: nothing has run in it
    }

    private void initialize(Connection connection) throws SQLException {
        EngineDialect dialect = dialect();
        if (!dialect.initializesConnections()) {
            return;
        }
        Connection physical = physical(connection);
        if (initialized.contains(physical)) {
            return;
        }
        dialect.initializeConnection(connection, SpringEngines.options(properties));
        initialized.add(physical);
    }

    private boolean isInitialized(Connection connection) throws SQLException {
        return initialized.contains(physical(connection));
    }

    private static Connection physical(Connection connection) throws SQLException {
        return connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
    }
}
