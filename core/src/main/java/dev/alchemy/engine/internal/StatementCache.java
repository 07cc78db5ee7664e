package dev.alchemy.engine.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Prepared statements of one JDBC connection, by SQL text, so that a statement run again (a query per name, a lookup
 * per key) is compiled by the database once, as a JDBC user keeps one {@code PreparedStatement}. The least recently
 * used is closed beyond {@value #SIZE}.
 *
 * <p>A cache is either private to one {@link DefaultConnection} (closed with it), or shared by every checkout of one
 * physical connection ({@link StatementCaches}): then one checkout at a time owns it, between {@link #tryAcquire()}
 * and {@link #release()}, and only the owner prepares, discards or closes its statements.
 */
final class StatementCache {

    static final int SIZE = 32;

    private final java.sql.Connection connection;

    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > SIZE) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    /** Whether a checkout owns this (shared) cache now. Guarded by this. */
    private boolean inUse;
    /** Whether the statements are to be closed for good (engine disposed, connection gone). Guarded by this. */
    private boolean disposed;

    /** @param connection the connection the statements are prepared on */
    StatementCache(java.sql.Connection connection) {
        this.connection = connection;
    }

    /** @return the connection the statements are prepared on */
    java.sql.Connection connection() {
        return connection;
    }

    /**
     * @param sql the statement's text
     * @return a statement for it, prepared now or earlier on this connection
     * @throws SQLException from the driver
     */
    PreparedStatement prepare(String sql) throws SQLException {
        return prepare(sql, false);
    }

    /**
     * @param sql the statement's text
     * @param generatedKeys whether the driver is to report generated keys ({@code RETURN_GENERATED_KEYS}); the same
     *     for every use of one text
     * @return a statement for it, prepared now or earlier on this connection
     * @throws SQLException from the driver
     */
    PreparedStatement prepare(String sql, boolean generatedKeys) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = generatedKeys
                    ? connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)
                    : connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /**
     * Closes and forgets a statement whose execution failed, so that the next use prepares it anew.
     *
     * @param sql the statement's text
     */
    void discard(String sql) {
        closeQuietly(statements.remove(sql));
    }

    /** Closes every statement. */
    void closeAll() {
        for (Iterator<PreparedStatement> it = statements.values().iterator(); it.hasNext(); ) {
            closeQuietly(it.next());
            it.remove();
        }
    }

    /** @return how many statements are open */
    int size() {
        return statements.size();
    }

    /**
     * Takes a shared cache for one checkout.
     *
     * @return false when another checkout owns it, or it was disposed
     */
    synchronized boolean tryAcquire() {
        if (inUse || disposed) {
            return false;
        }
        inUse = true;
        return true;
    }

    /** Gives a shared cache back at the end of a checkout; closes its statements if it was disposed meanwhile. */
    synchronized void release() {
        inUse = false;
        if (disposed) {
            closeAll();
        }
    }

    /** Closes the statements for good: now, or when the checkout that owns the cache releases it. */
    synchronized void dispose() {
        disposed = true;
        if (!inUse) {
            closeAll();
        }
    }

    private static void closeQuietly(@Nullable PreparedStatement ps) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the statement is being thrown away; its connection reports real problems
            }
        }
    }
}
