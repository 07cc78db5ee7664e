package dev.alchemy.boot.autoconfigure;

import dev.alchemy.engine.ConnectionProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Connections for an {@link dev.alchemy.engine.Engine} that take part in Spring-managed transactions: inside a
 * {@code @Transactional} method the engine gets the very connection the transaction manager bound to the thread
 * (the one {@code JdbcTemplate} uses too), and leaves committing and rolling back to Spring; outside one it gets a
 * fresh connection from the data source and manages its own transaction, as a plain engine does.
 *
 * <pre>{@code
 * Engine engine = Engine.create(new SpringConnectionProvider(dataSource),
 *         EngineDialect.forName("postgresql"), EngineOptions.defaults(), dataSource);
 * }</pre>
 *
 * @see DataSourceUtils#doGetConnection(DataSource)
 */
public final class SpringConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;
    private final @Nullable ConnectionInitializer initializer;

    /**
     * Creates a provider over a data source.
     *
     * @param dataSource the data source the transaction manager manages
     */
    public SpringConnectionProvider(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * @param dataSource the data source the transaction manager manages
     * @param initializer prepares each connection once (SQLite: foreign keys on), or null
     */
    SpringConnectionProvider(DataSource dataSource, @Nullable ConnectionInitializer initializer) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.initializer = initializer;
    }

    /** @return the data source connections come from */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        if (initializer != null) {
            try {
                initializer.connectionTaken(connection);
            } catch (SQLException | RuntimeException e) {
                DataSourceUtils.doReleaseConnection(connection, dataSource);
                throw e;
            }
        }
        return connection;
    }

    @Override
    public void releaseConnection(Connection connection) throws SQLException {
        DataSourceUtils.doReleaseConnection(connection, dataSource);
    }

    @Override
    public boolean isTransactionManagedExternally(Connection connection) {
        return DataSourceUtils.isConnectionTransactional(connection, dataSource);
    }

    @Override
    public String toString() {
        return "SpringConnectionProvider(" + dataSource + ")";
    }
}
