package dev.alchemy.engine.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.alchemy.engine.ConnectionProvider;
import dev.alchemy.engine.EngineOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Connections from an application's data source. Each physical connection is prepared by the dialect once (SQLite:
 * foreign keys on), remembered weakly so that a pool's connections are not prepared again on every checkout.
 */
final class DataSourceProvider implements ConnectionProvider {

    private final DataSource dataSource;
    private final EngineOptions options;
    private final Set<Connection> prepared =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Nullable
    DefaultEngine engine;

    DataSourceProvider(DataSource dataSource, EngineOptions options) {
        this.dataSource = dataSource;
        this.options = options;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            // under a wrapping data source, HikariCP's proxy (new for every checkout) is what the wrapper unwraps
            // to; the physical connection is under that
            Connection proxy = StatementCaches.hikariProxy(connection);
            Connection physical = proxy != null
                    ? proxy.unwrap(Connection.class)
                    : connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
            if (!prepared.contains(physical) && engine != null) {
                engine.dialectFrom(connection).initializeConnection(connection, options);
                prepared.add(physical);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void releaseConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public void discardConnection(Connection connection) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)
                && PoolProvider.evict(dataSource.unwrap(HikariDataSource.class), connection)) {
            return;
        }
        ConnectionProvider.super.discardConnection(connection);
    }

    @Override
    public String toString() {
        return String.valueOf(dataSource);
    }
}
