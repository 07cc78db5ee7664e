package dev.alchemy.engine.internal;

import com.zaxxer.hikari.pool.ProxyConnection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One engine's statement caches that outlive a checkout: one per physical connection behind a HikariCP pool, so that
 * a statement prepared by one {@code engine.connect()} (or ORM session) is reused by the next one that gets the same
 * physical connection from the pool. HikariCP closes the statements prepared through its proxy when the connection
 * goes back to the pool, so these are prepared on the physical connection itself. A data source that wraps the pool's
 * connections (statement logging, metrics) is found through the JDBC wrapper protocol and, unless the engine keeps
 * statements past wrappers, left in the path of every statement.
 *
 * <p>A pool hands a physical connection to one user at a time, so a cache is owned by one checkout at a time; should
 * two checkouts ever hold the same physical connection at once, the second gets no shared cache. The caches of
 * physical connections the pool closed are dropped when the next new physical connection shows up (the pool opens
 * one for each it retires); every cache is closed when the engine is disposed.
 */
final class StatementCaches {

    private final Map<java.sql.Connection, StatementCache> byConnection = new ConcurrentHashMap<>();
    private volatile boolean disposed;
    private volatile boolean wrapperReported;

    /**
     * Whether the connection is HikariCP's own proxy over a physical connection, whose statements may be kept beyond
     * the checkout.
     *
     * @param pooled the connection as the provider gave it
     * @return true when it is a HikariCP proxy
     */
    static boolean isHikariProxy(java.sql.Connection pooled) {
        return pooled instanceof ProxyConnection;
    }

    /**
     * The HikariCP proxy under a pooled connection: the connection itself, or what a wrapper around it (a
     * statement-logging, metrics or tracing data source) unwraps to by the JDBC wrapper protocol.
     *
     * @param pooled the connection as the provider gave it
     * @return HikariCP's proxy, or null when the connection does not come from a HikariCP pool or does not say so
     */
    static java.sql.@Nullable Connection hikariProxy(java.sql.Connection pooled) {
        if (pooled instanceof ProxyConnection) {
            return pooled;
        }
        try {
            // HikariCP's proxy answers for what it wraps, not for itself, so this finds it only under a wrapper
            return pooled.isWrapperFor(ProxyConnection.class) ? pooled.unwrap(ProxyConnection.class) : null;
        } catch (SQLException | RuntimeException e) {
            return null; // a wrapper that does not follow the protocol: it stays in the path
        }
    }

    /**
     * Takes the cache of a pooled connection's physical connection for one checkout, when its statements may be kept:
     * HikariCP's proxy, or a wrapper around it if the engine keeps statements past wrappers. A wrapper the engine
     * does not see past is reported once, in the log, with the option that would.
     *
     * @param pooled the connection as the provider gave it
     * @param pastWrappers {@link dev.alchemy.engine.EngineOptions#keepStatementsPastWrappers()}
     * @return the cache, or null when this checkout keeps its statements to itself
     * @throws SQLException from the pool's proxy
     */
    @Nullable
    StatementCache acquireFor(java.sql.Connection pooled, boolean pastWrappers) throws SQLException {
        if (pooled instanceof ProxyConnection) {
            return acquire(pooled);
        }
        java.sql.Connection proxy = hikariProxy(pooled);
        if (proxy == null) {
            return null;
        }
        if (pastWrappers) {
            return acquire(proxy);
        }
        if (!wrapperReported) {
            wrapperReported = true;
            SqlLog.LOG.info(
                    "SQLite statements are prepared again on every checkout: the data source wraps HikariCP's "
                            + "connections ({}), and statements kept on the physical connection would run past the "
                            + "wrapper. EngineOptions.keepStatementsPastWrappers(true) keeps them (docs/engine.md).",
                    pooled.getClass().getName());
        }
        return null;
    }

    /**
     * Takes the cache of a pooled connection's physical connection for one checkout.
     *
     * @param pooled HikariCP's proxy, as checked by {@link #isHikariProxy} or found by {@link #hikariProxy}
     * @return the cache, to be {@linkplain StatementCache#release() released} before the connection goes back to the
     *     pool; null when the engine was disposed or another checkout holds the same physical connection
     * @throws SQLException from the pool's proxy
     */
    @Nullable
    StatementCache acquire(java.sql.Connection pooled) throws SQLException {
        if (disposed) {
            return null;
        }
        java.sql.Connection physical = pooled.unwrap(java.sql.Connection.class);
        StatementCache cache = byConnection.get(physical);
        if (cache == null) {
            dropClosed();
            cache = byConnection.computeIfAbsent(physical, StatementCache::new);
            if (disposed) { // disposed while this one was added: dispose() may not have seen it
                cache.dispose();
                return null;
            }
        }
        return cache.tryAcquire() ? cache : null;
    }

    /** Forgets the caches of physical connections that are closed; their driver closed their statements. */
    private void dropClosed() {
        for (Map.Entry<java.sql.Connection, StatementCache> e : byConnection.entrySet()) {
            boolean closed;
            try {
                closed = e.getKey().isClosed();
            } catch (SQLException | RuntimeException ex) {
                closed = true;
            }
            if (closed) {
                e.getValue().dispose();
                byConnection.remove(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Closes a cache for good and forgets it, ending the checkout that owns it; its physical connection gets a new
     * one next time.
     *
     * @param cache a cache from {@link #acquire}, owned by the caller
     */
    void drop(StatementCache cache) {
        cache.dispose();
        cache.release();
        byConnection.remove(cache.connection(), cache);
    }

    /** @return how many physical connections have a cache */
    int size() {
        return byConnection.size();
    }

    /** Closes every cache's statements (a cache in use: when its checkout ends); later checkouts get none. */
    void dispose() {
        disposed = true;
        for (StatementCache cache : byConnection.values()) {
            cache.dispose();
        }
        byConnection.clear();
    }
}
