package dev.alchemy.engine;

import dev.alchemy.exc.ArgumentError;
import java.time.Duration;
import java.util.Objects;

/**
 * Options for an {@link Engine}: immutable, each method returns a changed copy.
 *
 * <pre>{@code
 * Engine engine = Alchemy.createEngine("sqlite:///app.db",
 *         EngineOptions.defaults().echo(true).poolSize(10).connectionTimeout(Duration.ofSeconds(5)));
 * }</pre>
 *
 * @see Engine
 */
public final class EngineOptions {

    private static final EngineOptions DEFAULTS = new EngineOptions(
            false,
            false,
            5,
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofMinutes(30),
            false,
            StatementCache.DEFAULT_SIZE,
            false);

    private final boolean echo;
    private final boolean hideParameters;
    private final int poolSize;
    private final Duration connectionTimeout;
    private final Duration busyTimeout;
    private final Duration maxLifetime;
    private final boolean immediateTransactions;
    private final int statementCacheSize;
    private final boolean keepStatementsPastWrappers;

    private EngineOptions(
            boolean echo,
            boolean hideParameters,
            int poolSize,
            Duration connectionTimeout,
            Duration busyTimeout,
            Duration maxLifetime,
            boolean immediateTransactions,
            int statementCacheSize,
            boolean keepStatementsPastWrappers) {
        this.echo = echo;
        this.hideParameters = hideParameters;
        this.poolSize = poolSize;
        this.connectionTimeout = connectionTimeout;
        this.busyTimeout = busyTimeout;
        this.maxLifetime = maxLifetime;
        this.immediateTransactions = immediateTransactions;
        this.statementCacheSize = statementCacheSize;
        this.keepStatementsPastWrappers = keepStatementsPastWrappers;
    }

    /**
     * The defaults: no echo, parameters shown in errors, a pool of 5, a 30 s connection timeout, a 5 s SQLite
     * busy timeout (as Python's sqlite3), connections recycled after 30 minutes.
     *
     * @return the default options
     */
    public static EngineOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Logs every statement and its parameters at INFO through SLF4J (logger {@code dev.alchemy.engine}), like
     * {@code create_engine(echo=True)}.
     *
     * @param echo whether to log statements
     * @return a copy with this option
     */
    public EngineOptions echo(boolean echo) {
        return new EngineOptions(
                echo,
                hideParameters,
                poolSize,
                connectionTimeout,
                busyTimeout,
                maxLifetime,
                immediateTransactions,
                statementCacheSize,
                keepStatementsPastWrappers);
    }

    /**
     * Keeps bound values out of logs and exception messages, like {@code hide_parameters=True}.
     *
     * @param hide whether to hide parameters
     * @return a copy with this option
     */
    public EngineOptions hideParameters(boolean hide) {
        return new EngineOptions(
                echo,
                hide,
                poolSize,
                connectionTimeout,
                busyTimeout,
                maxLifetime,
                immediateTransactions,
                statementCacheSize,
                keepStatementsPastWrappers);
    }

    /**
     * The most connections the pool holds at once.
     *
     * @param size at least 1
     * @return a copy with this option
     * @throws ArgumentError when size is below 1
     */
    public EngineOptions poolSize(int size) {
        if (size < 1) {
            throw new ArgumentError("poolSize must be at least 1, was " + size);
        }
        return new EngineOptions(
                echo,
                hideParameters,
                size,
                connectionTimeout,
                busyTimeout,
                maxLifetime,
                immediateTransactions,
                statementCacheSize,
                keepStatementsPastWrappers);
    }

    /**
     * How long {@link Engine#connect()} waits for a free connection before failing with
     * {@link dev.alchemy.exc.PoolTimeoutError}.
     *
     * @param timeout at least 250 ms (the pool's minimum)
     * @return a copy with this option
     */
    public EngineOptions connectionTimeout(Duration timeout) {
        return new EngineOptions(
                echo,
                hideParameters,
                poolSize,
                atLeast(timeout, 250, "connectionTimeout"),
                busyTimeout,
                maxLifetime,
                immediateTransactions,
                statementCacheSize,
                keepStatementsPastWrappers);
    }

    /**
     * How long an SQLite statement waits for a lock held by another connection before failing with
     * {@link dev.alchemy.exc.OperationalError} ("database is locked").
     *
     * @param timeout zero or more
     * @return a copy with this option
     */
    public EngineOptions busyTimeout(Duration timeout) {
        return new EngineOptions(
                echo,
                hideParameters,
                poolSize,
                connectionTimeout,
                atLeast(timeout, 0, "busyTimeout"),
                maxLifetime,
                immediateTransactions,
                statementCacheSize,
                keepStatementsPastWrappers);
    }

    /**
     * How long a pooled connection lives before the pool replaces it (SQLAlchemy's {@code pool_recycle}).
     *
     * @param lifetime at least 30 seconds, or zero for no limit
     * @return a copy with this option
     */
    public EngineOptions maxLifetime(Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (!lifetime.isZero() && lifetime.toSeconds() < 30) {
            throw new ArgumentError("maxLifetime must be zero (no limit) or at least 30 s, was " + lifetime);
        }
        return new EngineOptions(
                echo,
                hideParameters,
                poolSize,
                connectionTimeout,
                busyTimeout,
                lifetime,
                immediateTransactions,
                statementCacheSize,
                keepStatementsPastWrappers);
    }

    /**
     * Begins every transaction by taking the database's write lock at once: SQLite's {@code BEGIN IMMEDIATE}, sent
     * by Alchemy before the transaction's first statement. A transaction that reads and then writes (a Session that
     * queries, changes objects and commits) can then never fail with "database is locked" because another
     * connection wrote in between; concurrent writers wait for each other, up to the {@link #busyTimeout(Duration)
     * busy timeout}, instead: this engine's own transactions queue fairly for the lock, other processes' through
     * SQLite's busy handler. The price: transactions on the same file run one at a time, readers included (in WAL
     * mode plain reads outside a transaction still run alongside). Off by default, as in SQLAlchemy, where a
     * transaction begins {@code DEFERRED} and takes the write lock at its first write.
     *
     * <p>Use it for SQLite databases written by several threads or processes. PostgreSQL ignores it: lock the rows a
     * transaction will change instead ({@code SELECT ... FOR UPDATE}). Transactions that Spring's transaction manager
     * begins follow the starter's {@code alchemy.immediate-transactions} property instead.
     *
     * <pre>{@code
     * Engine engine = Alchemy.createEngine("sqlite:///app.db", EngineOptions.defaults().immediateTransactions(true));
     * }</pre>
     *
     * @param immediate whether transactions take the write lock when they begin
     * @return a copy with this option
     */
    public EngineOptions immediateTransactions(boolean immediate) {
        return new EngineOptions(
                echo,
                hideParameters,
                poolSize,
                connectionTimeout,
                busyTimeout,
                maxLifetime,
                immediate,
                statementCacheSize,
                keepStatementsPastWrappers);
    }

    /**
     * How many compiled statements the engine keeps ({@link Engine#statementCache()}), like SQLAlchemy's
     * {@code query_cache_size}; 500 by default, 0 to compile every statement each time.
     *
     * @param size at least 0
     * @return a copy with this option
     * @throws ArgumentError when size is negative
     */
    public EngineOptions statementCacheSize(int size) {
        if (size < 0) {
            throw new ArgumentError("statementCacheSize must be 0 (no cache) or more, was " + size);
        }
        return new EngineOptions(
                echo,
                hideParameters,
                poolSize,
                connectionTimeout,
                busyTimeout,
                maxLifetime,
                immediateTransactions,
                size,
                keepStatementsPastWrappers);
    }

    /**
     * Whether SQLite statements are kept on the physical connection of a HikariCP pool when the application's
     * {@code DataSource} wraps the pool's connections (a statement-logging, metrics or tracing proxy such as p6spy or
     * datasource-proxy). Kept statements outlive the checkout, so the next connection or session that gets the same
     * physical connection runs them without compiling them again; but they run past the wrapper, which then no longer
     * sees them. Off by default: the wrapper sees every statement, each checkout prepares its own, and the engine says
     * so once in its log. Without a wrapper, statements are kept whatever this says; on PostgreSQL they never are
     * (docs/engine.md).
     *
     * <pre>{@code
     * Engine engine = Alchemy.createEngine(metricsDataSource, EngineOptions.defaults().keepStatementsPastWrappers(true));
     * }</pre>
     *
     * @param keep whether statements are kept past a wrapper, on the physical connection under it
     * @return a copy with this option
     */
    public EngineOptions keepStatementsPastWrappers(boolean keep) {
        return new EngineOptions(
                echo,
                hideParameters,
                poolSize,
                connectionTimeout,
                busyTimeout,
                maxLifetime,
                immediateTransactions,
                statementCacheSize,
                keep);
    }

    private static Duration atLeast(Duration value, long millis, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.toMillis() < millis) {
            throw new ArgumentError(name + " must be at least " + millis + " ms, was " + value);
        }
        return value;
    }

    /** @return whether statements are logged at INFO */
    public boolean echo() {
        return echo;
    }

    /** @return whether bound values are kept out of logs and error messages */
    public boolean hideParameters() {
        return hideParameters;
    }

    /** @return the most connections the pool holds */
    public int poolSize() {
        return poolSize;
    }

    /** @return how long to wait for a free connection */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /** @return how long an SQLite statement waits for a lock */
    public Duration busyTimeout() {
        return busyTimeout;
    }

    /** @return how long a pooled connection lives; zero for no limit */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** @return whether transactions take the write lock when they begin (SQLite) */
    public boolean immediateTransactions() {
        return immediateTransactions;
    }

    /** @return how many compiled statements the engine keeps; 0 for none */
    public int statementCacheSize() {
        return statementCacheSize;
    }

    /** @return whether SQLite statements are kept on the physical connection under a wrapping data source */
    public boolean keepStatementsPastWrappers() {
        return keepStatementsPastWrappers;
    }

    @Override
    public String toString() {
        return "EngineOptions[echo=" + echo + ", hideParameters=" + hideParameters + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + ", busyTimeout=" + busyTimeout + ", maxLifetime="
                + maxLifetime + ", immediateTransactions=" + immediateTransactions + ", statementCacheSize="
                + statementCacheSize + ", keepStatementsPastWrappers=" + keepStatementsPastWrappers + "]";
    }
}
