package dev.alchemy.engine.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.alchemy.engine.ConnectionProvider;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.URL;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.PoolTimeoutError;
import dev.alchemy.exc.ResourceClosedError;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The engine's own HikariCP pool, created on first use. For a shared in-memory SQLite database it also holds one
 * connection outside the pool, so the database lives until the engine is disposed even if the pool replaces all of
 * its connections.
 */
final class PoolProvider implements ConnectionProvider, DataSource {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final URL url;
    private final EngineDialect.ConnectionSpec spec;
    private final EngineOptions options;
    private final EngineDialect dialect;
    private final String poolName = "alchemy-" + COUNTER.incrementAndGet();
    private volatile @Nullable HikariDataSource pool;
    private @Nullable Connection anchor;
    private volatile boolean closed;

    PoolProvider(URL url, EngineDialect.ConnectionSpec spec, EngineOptions options, EngineDialect dialect) {
        this.url = url;
        this.spec = spec;
        this.options = options;
        this.dialect = dialect;
    }

    private HikariDataSource pool() throws SQLException {
        HikariDataSource p = pool;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (closed) {
                throw new ResourceClosedError("this engine was disposed; create a new one to connect again");
            }
            p = pool;
            if (p == null) {
                if (spec.sharedMemoryDatabase() && anchor == null) {
                    anchor = DriverManager.getConnection(spec.jdbcUrl(), spec.properties());
                }
                p = new HikariDataSource(config());
                pool = p;
            }
            return p;
        }
    }

    private HikariConfig config() {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(spec.jdbcUrl());
        config.setDriverClassName(spec.driverClassName());
        config.setDataSourceProperties(spec.properties());
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(1, options.poolSize()));
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setMaxLifetime(options.maxLifetime().toMillis());
        config.setAutoCommit(false);
        return config;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return pool().getConnection();
        } catch (HikariPool.PoolInitializationException e) {
            synchronized (this) {
                pool = null;
            }
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
        }
    }

    @Override
    public void releaseConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public void discardConnection(Connection connection) throws SQLException {
        HikariDataSource p = pool;
        if (p == null || !evict(p, connection)) {
            connection.abort(Runnable::run);
            connection.close();
        }
    }

    /**
     * Evicts a connection in use from a HikariCP pool, instead of closing it: HikariCP then closes the physical
     * connection (which ends its transaction without committing) and opens a new one in its place.
     *
     * @return false when the connection is not one of HikariCP's
     */
    static boolean evict(HikariDataSource pool, Connection connection) {
        if (!StatementCaches.isHikariProxy(connection) || pool.isClosed()) {
            return false;
        }
        pool.evictConnection(connection);
        return true;
    }

    static AlchemyException connectFailure(SQLException e, @Nullable EngineDialect dialect, @Nullable URL url) {
        String where = url != null ? " to " + url : "";
        if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
            return new PoolTimeoutError(
                    "no connection" + where + " became free in time: " + e.getMessage()
                            + ". Close connections and sessions when done (try-with-resources), or raise poolSize / the connection timeout",
                    e);
        }
        SQLException cause = e.getCause() instanceof SQLException s ? s : e;
        if (dialect != null) {
            return dialect.translate(cause, null, null);
        }
        return new OperationalError("could not connect" + where + ": " + cause.getMessage(), null, null, e);
    }

    synchronized void close() {
        closed = true;
        HikariDataSource p = pool;
        pool = null;
        if (p != null) {
            p.close();
        }
        if (anchor != null) {
            try {
                anchor.close();
            } catch (SQLException ignored) {
                // the database is being thrown away; nothing to report
            }
            anchor = null;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("the engine's pool uses the credentials of its URL");
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(@Nullable PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.alchemy.engine");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return pool().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool().isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "pool " + poolName + " for " + url + " (" + dialect.name() + ")";
    }
}
