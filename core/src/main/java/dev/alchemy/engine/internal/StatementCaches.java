package dev.alchemy.engine.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One engine's statement caches that outlive a checkout: one per physical connection behind a HikariCP pool, so that
 * a statement prepared by one {@code engine.connect()} (or ORM session) is reused by the next one that gets the same
 * physical connection from the pool. HikariCP closes the statements prepared through its proxy when the connection
 * goes back to the pool, so these are prepared on the physical connection itself.
 *
 * <p>A pool hands a physical connection to one user at a time, so a cache is owned by one checkout at a time; should
 * two checkouts ever hold the same physical connection at once, the second gets no shared cache. The caches of
 * physical connections the pool closed are dropped when the next new physical connection shows up (the pool opens
 * one for each it retires); every cache is closed when the engine is disposed.
 */
final class StatementCaches {

    private final Map<java.sql.Connection, StatementCache> byConnection = new ConcurrentHashMap<>();
    private volatile boolean disposed;

    /**
     * Whether statements of this pooled connection may be kept beyond its checkout: it is HikariCP's proxy over a
     * physical connection. Other wrappers (statement logging, tracing, other pools) are left in the path.
     *
     * @param pooled the connection as the provider gave it
     * @return true when it is a HikariCP proxy
     */
    static boolean isHikariProxy(java.sql.Connection pooled) {
        return pooled.getClass().getName().startsWith("com.zaxxer.hikari.pool.");
    }

    /**
     * Takes the cache of a pooled connection's physical connection for one checkout.
     *
     * @param pooled HikariCP's proxy, as checked by {@link #isHikariProxy}
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
