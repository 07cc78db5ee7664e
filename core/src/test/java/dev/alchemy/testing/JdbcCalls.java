package dev.alchemy.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Records the JDBC calls that reach a driver and make it work: statements prepared (SQLite compiles each one),
 * executed, transactions committed or rolled back, auto-commit and read-only switches, validations. It wraps the
 * driver's {@link DataSource}, so it sits under a pool (HikariCP's {@code setDataSource}) and sees what the pool and
 * everything above it cost the driver. Calls that only read the driver's memory (getters, binds, reading a row) are not
 * recorded. A statement run without being prepared first ({@code createStatement().execute(sql)}, compiled by that
 * call) shows as {@code execute unprepared SQL}. Only the thread inside {@link #record()} is seen.
 *
 * <pre>{@code
 * HikariConfig config = new HikariConfig();
 * config.setDataSource(JdbcCalls.wrap(sqliteDataSource));
 * try (JdbcCalls.Recording calls = JdbcCalls.record()) {
 *     ... one operation ...
 *     assertThat(calls.calls()).containsExactly("executeQuery SELECT ...", "rollback");
 * }
 * }</pre>
 */
public final class JdbcCalls {

    private static final ThreadLocal<@Nullable Recording> CURRENT = new ThreadLocal<>();

    private static final Set<String> RECORDED = Set.of(
            "prepareStatement",
            "prepareCall",
            "execute",
            "executeQuery",
            "executeUpdate",
            "executeLargeUpdate",
            "executeBatch",
            "executeLargeBatch",
            "commit",
            "rollback",
            "setAutoCommit",
            "setReadOnly",
            "setTransactionIsolation",
            "setSavepoint",
            "releaseSavepoint",
            "isValid");

    private JdbcCalls() {}

    /**
     * @param dataSource the driver's data source
     * @return one that hands out connections whose calls are recorded
     */
    public static DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, null);
    }

    /**
     * Starts recording this thread's calls.
     *
     * @return the recording; close it to stop
     */
    public static Recording record() {
        Recording r = new Recording();
        CURRENT.set(r);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, @Nullable String sql) {
        InvocationHandler handler = new Handler(target, sql);
        return (T) Proxy.newProxyInstance(JdbcCalls.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private record Handler(Object target, @Nullable String sql) implements InvocationHandler {
        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unwrap") && args != null && ((Class<?>) args[0]).isInstance(proxy)) {
                return proxy;
            }
            if (name.equals("isWrapperFor") && args != null && ((Class<?>) args[0]).isInstance(proxy)) {
                return true;
            }
            Recording r = CURRENT.get();
            if (r != null && RECORDED.contains(name)) {
                r.add(describe(name, args));
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c) {
                return proxy(Connection.class, c, null);
            }
            if (result instanceof PreparedStatement ps && name.startsWith("prepare")) {
                return proxy(PreparedStatement.class, ps, args == null ? null : String.valueOf(args[0]));
            }
            if (result instanceof Statement s && name.equals("createStatement")) {
                return proxy(Statement.class, s, null);
            }
            return result;
        }

        private String describe(String name, @Nullable Object[] args) {
            String text = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
            if (name.equals("setAutoCommit") || name.equals("setReadOnly")) {
                return name + " " + args[0];
            }
            if (target instanceof Statement && !(target instanceof PreparedStatement) && text != null) {
                name += " unprepared"; // compiled by this call
            }
            return text == null ? name : name + " " + text.replaceAll("\\s+", " ");
        }
    }

    /** The calls of one thread, in order. */
    public static final class Recording implements AutoCloseable {
        private final List<String> calls = new ArrayList<>();

        synchronized void add(String call) {
            calls.add(call);
        }

        /** @return the calls so far: {@code prepareStatement SELECT ...}, {@code executeQuery SELECT ...}, {@code commit} */
        public synchronized List<String> calls() {
            return List.copyOf(calls);
        }

        /** Forgets the calls so far. */
        public synchronized void clear() {
            calls.clear();
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }

        @Override
        public synchronized String toString() {
            return String.join("\n", calls);
        }
    }
}
