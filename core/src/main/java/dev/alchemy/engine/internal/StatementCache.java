package dev.alchemy.engine.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The prepared statements of one {@link DefaultConnection}, by SQL text, so that a statement run again on the same
 * connection (a query per name, a lookup per key in one session) is compiled by the database once, as a JDBC user
 * keeps one {@code PreparedStatement}. The least recently used is closed beyond {@value #SIZE}; all are closed
 * with the connection.
 */
final class StatementCache {

    static final int SIZE = 32;

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

    /**
     * @param jdbc the connection
     * @param sql the statement's text
     * @return a statement for it, prepared now or earlier on this connection
     * @throws SQLException from the driver
     */
    PreparedStatement prepare(java.sql.Connection jdbc, String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = jdbc.prepareStatement(sql);
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
