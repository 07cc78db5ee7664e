package dev.alchemy.engine;

import dev.alchemy.engine.internal.DefaultEngine;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The starting point for any work with a database: a pool of connections and the dialect that speaks to it, like
 * SQLAlchemy's {@code Engine}. Create one per database and application, share it between threads, and
 * {@link #dispose()} it at the end.
 *
 * <pre>{@code
 * Engine engine = Alchemy.createEngine("sqlite:///app.db");
 * try (Connection conn = engine.connect()) {
 *     conn.execute(text("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)"));
 *     conn.commit();
 * }
 * engine.useTransaction(conn -> conn.execute(text("INSERT INTO notes (body) VALUES (:b)"), Map.of("b", "hi")));
 * }</pre>
 *
 * @see dev.alchemy.Alchemy#createEngine(String)
 */
public interface Engine extends AutoCloseable {

    /**
     * Creates an engine for a URL with default options. Connections are opened on first use.
     *
     * @param url an SQLAlchemy-style or JDBC URL
     * @return the engine
     * @throws dev.alchemy.exc.ArgumentError when the URL is malformed or names an unknown database
     * @throws dev.alchemy.exc.NoSuchModuleError when the database's JDBC driver is not on the classpath
     */
    static Engine create(String url) {
        return create(url, EngineOptions.defaults());
    }

    /**
     * Creates an engine for a URL.
     *
     * @param url an SQLAlchemy-style or JDBC URL
     * @param options pool size, echo, timeouts
     * @return the engine
     */
    static Engine create(String url, EngineOptions options) {
        return DefaultEngine.forUrl(URL.parse(url), options);
    }

    /**
     * Wraps an existing {@link DataSource} (an application's pool); the engine uses its connections and never opens
     * a pool of its own. The dialect is found from the database's product name on first use.
     *
     * @param dataSource the data source
     * @return the engine
     */
    static Engine create(DataSource dataSource) {
        return create(dataSource, EngineOptions.defaults());
    }

    /**
     * Wraps an existing {@link DataSource} with options (the pool options are ignored: the data source pools).
     *
     * @param dataSource the data source
     * @param options echo and parameter hiding
     * @return the engine
     */
    static Engine create(DataSource dataSource, EngineOptions options) {
        return DefaultEngine.forDataSource(dataSource, options);
    }

    /**
     * Creates an engine over any source of connections, such as one bound to Spring transactions.
     *
     * @param provider where connections come from
     * @param dialect the dialect of the database
     * @param options echo and parameter hiding
     * @param dataSource the data source behind the provider, or null
     * @return the engine
     */
    static Engine create(
            ConnectionProvider provider,
            EngineDialect dialect,
            EngineOptions options,
            @Nullable DataSource dataSource) {
        return DefaultEngine.forProvider(provider, dialect, options, dataSource);
    }

    /**
     * Takes a connection from the pool. Close it to give it back.
     *
     * @return an open connection
     * @throws dev.alchemy.exc.PoolTimeoutError when no connection becomes free within the connection timeout
     * @throws dev.alchemy.exc.OperationalError when the database cannot be reached or opened
     * @throws dev.alchemy.exc.ResourceClosedError after {@link #dispose()}
     */
    Connection connect();

    /**
     * Takes a connection whose transaction commits when it is closed, unless one of its statements failed or it was
     * rolled back; then it rolls back. An exception thrown by your own code between statements is not seen by
     * {@code close()}: use {@link #useTransaction(Consumer)} or {@link #inTransaction(Function)} when that matters.
     *
     * @return an open connection in a transaction
     */
    Connection begin();

    /**
     * Runs work in a transaction that commits when the work returns and rolls back when it throws.
     *
     * @param work what to do with the connection
     * @param <T> what the work returns
     * @return what the work returned
     */
    <T> T inTransaction(Function<? super Connection, ? extends T> work);

    /**
     * Runs work in a transaction that commits when the work returns and rolls back when it throws.
     *
     * @param work what to do with the connection
     */
    void useTransaction(Consumer<? super Connection> work);

    /**
     * Runs work in a transaction as {@link #inTransaction(Function)} does, and runs it again, in a new transaction,
     * when the database aborted it with a serialization failure or a deadlock (SQLSTATE {@code 40001},
     * {@code 40P01}), as a {@code SERIALIZABLE} transaction may be. The work may run more than once: it must read
     * what it needs inside the transaction and have no effects outside the database.
     *
     * <pre>{@code
     * long left = engine.inTransaction(Retry.onSerializationFailure(5), conn -> {
     *     long stock = conn.execute(text("SELECT stock FROM items WHERE id = 7")).scalar(Long.class);
     *     conn.execute(text("UPDATE items SET stock = :s WHERE id = 7"), Map.of("s", stock - 1));
     *     return stock - 1;
     * });
     * }</pre>
     *
     * @param retry how many times, and how long to wait in between
     * @param work what to do with the connection
     * @param <T> what the work returns
     * @return what the attempt that committed returned
     */
    default <T> T inTransaction(Retry retry, Function<? super Connection, ? extends T> work) {
        java.util.Objects.requireNonNull(retry, "retry");
        java.util.Objects.requireNonNull(work, "work");
        return retry.run(() -> inTransaction(work));
    }

    /**
     * Begins, as immediate, a transaction that someone else manages on one of this engine's JDBC connections (Spring's
     * {@code DataSourceTransactionManager}, say): it waits its turn behind this engine's other immediate transactions,
     * in arrival order, then takes the database's write lock (SQLite's {@code BEGIN IMMEDIATE}). The engine's own
     * transactions queue the same way when {@link EngineOptions#immediateTransactions()} is on; taking the turn here
     * keeps one fair queue for both, where SQLite's busy handler alone lets a waiter lose every round until its busy
     * timeout. On a database without immediate transactions it does nothing and returns {@link WriteTurn#NONE}.
     *
     * <pre>{@code
     * try (WriteTurn turn = engine.beginImmediate(jdbc)) { ...; jdbc.commit(); }
     * }</pre>
     *
     * @param jdbc a connection from {@link #dataSource()} with auto-commit off and nothing run in its transaction yet
     * @return the turn; close it once the transaction has committed or rolled back
     * @throws dev.alchemy.exc.OperationalError when the turn or the lock did not come within the busy timeout
     */
    default WriteTurn beginImmediate(java.sql.Connection jdbc) {
        throw new dev.alchemy.exc.InvalidRequestError(
                getClass().getName() + " does not queue immediate transactions; begin them with begin()");
    }

    /** @return the dialect that speaks to this engine's database */
    EngineDialect dialect();

    /** @return the URL the engine was created from, or null for a wrapped data source */
    @Nullable
    URL url();

    /** @return the engine's options */
    EngineOptions options();

    /**
     * The data source the engine takes connections from: the engine's own pool, or the one it wraps. Spring's
     * {@code JdbcTemplate} can share it.
     *
     * @return the data source
     */
    DataSource dataSource();

    /**
     * This engine's cache of compiled statements and its hit and miss counts, sized by
     * {@link EngineOptions#statementCacheSize(int)}: {@code engine.statementCache().hits()}. An engine made by
     * Alchemy has its own; the default, for other implementations, caches nothing.
     *
     * @return the statement cache
     */
    default StatementCache statementCache() {
        return StatementCache.ofSize(0);
    }

    /**
     * Adds a listener told of every statement this engine executes.
     *
     * @param listener the listener
     */
    void addStatementListener(StatementListener listener);

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    void removeStatementListener(StatementListener listener);

    /**
     * Closes the engine's own pool (and the in-memory SQLite database it keeps alive). A wrapped data source is left
     * open: it belongs to the application. Further {@link #connect()} calls fail. Disposing twice is harmless.
     */
    void dispose();

    /** @return true once disposed */
    boolean isDisposed();

    /** Same as {@link #dispose()}. */
    @Override
    default void close() {
        dispose();
    }
}
