package dev.alchemy.engine.internal;

import dev.alchemy.engine.Connection;
import dev.alchemy.engine.ConnectionProvider;
import dev.alchemy.engine.Engine;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.StatementCache;
import dev.alchemy.engine.StatementEvent;
import dev.alchemy.engine.StatementListener;
import dev.alchemy.engine.URL;
import dev.alchemy.engine.WriteTurn;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.NoSuchModuleError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ResourceClosedError;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The engine: a connection provider, a dialect, options and listeners. */
public final class DefaultEngine implements Engine {

    private final @Nullable URL url;
    private final EngineOptions options;
    private final ConnectionProvider provider;
    private final @Nullable DataSource dataSource;
    private final SqlLog log;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private volatile @Nullable EngineDialect dialect;
    /** A URL's dialect that must see the server first ({@link EngineDialect#detectsServer()}); null otherwise. */
    private final @Nullable EngineDialect declared;

    private volatile boolean disposed;
    /** One place, taken fairly, for the transaction that holds the database's write lock (immediate transactions). */
    private final Semaphore writeQueue = new Semaphore(1, true);
    /** Prepared statements kept from one checkout of a pooled connection to the next. */
    private final StatementCaches statementCaches = new StatementCaches();
    /** Compiled statements by shape and dialect (issue 18): one per engine, bounded. */
    private final StatementCache statementCache;

    private DefaultEngine(
            @Nullable URL url,
            EngineOptions options,
            ConnectionProvider provider,
            @Nullable DataSource dataSource,
            @Nullable EngineDialect dialect) {
        this.url = url;
        this.options = options;
        this.statementCache = StatementCache.ofSize(options.statementCacheSize());
        this.provider = provider;
        this.dataSource = dataSource;
        boolean detects = dialect != null && dialect.detectsServer();
        this.dialect = detects ? null : dialect;
        this.declared = detects ? dialect : null;
        this.log = new SqlLog(options.echo(), options.hideParameters());
    }

    /**
     * @param url the parsed URL
     * @param options the options
     * @return an engine with its own pool, opened on first use
     */
    public static Engine forUrl(URL url, EngineOptions options) {
        Objects.requireNonNull(options, "options");
        EngineDialect dialect = Dialects.forUrl(url);
        EngineDialect.ConnectionSpec spec = dialect.connectionSpec(url, options);
        requireDriver(dialect, spec);
        PoolProvider pool = new PoolProvider(url, spec, options, dialect);
        return new DefaultEngine(url, options, pool, pool, dialect);
    }

    /**
     * @param dataSource an application's data source
     * @param options the options
     * @return an engine over it; the dialect is detected on first use
     */
    public static Engine forDataSource(DataSource dataSource, EngineOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(options, "options");
        DataSourceProvider provider = new DataSourceProvider(dataSource, options);
        DefaultEngine engine = new DefaultEngine(null, options, provider, dataSource, null);
        provider.engine = engine;
        return engine;
    }

    /**
     * @param provider where connections come from
     * @param dialect the dialect
     * @param options the options
     * @param dataSource the data source behind the provider, or null
     * @return an engine over the provider
     */
    public static Engine forProvider(
            ConnectionProvider provider,
            EngineDialect dialect,
            EngineOptions options,
            @Nullable DataSource dataSource) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(options, "options");
        return new DefaultEngine(null, options, provider, dataSource, dialect);
    }

    private static void requireDriver(EngineDialect dialect, EngineDialect.ConnectionSpec spec) {
        try {
            Class.forName(spec.driverClassName(), false, DefaultEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new NoSuchModuleError(
                    "the JDBC driver for " + dialect.name() + " (" + spec.driverClassName()
                            + ") is not on the classpath; add the dependency " + spec.driverArtifact(),
                    e);
        }
    }

    /** @return the prepared statements kept across checkouts, per physical connection */
    StatementCaches statementCaches() {
        return statementCaches;
    }

    @Override
    public WriteTurn beginImmediate(java.sql.Connection jdbc) {
        Objects.requireNonNull(jdbc, "jdbc");
        EngineDialect d = dialect();
        if (!d.supportsImmediateTransactions()) {
            return WriteTurn.NONE;
        }
        Duration timeout = options.busyTimeout();
        boolean queued;
        try {
            queued = writeQueue.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationalError("interrupted while waiting for the write lock", "BEGIN IMMEDIATE", null, e);
        }
        if (!queued) {
            throw new OperationalError(
                    "database is locked: other transactions of this engine held the write lock for longer than the "
                            + "busy timeout (" + timeout.toMillis() + " ms); keep write transactions short, or raise "
                            + "EngineOptions.busyTimeout",
                    "BEGIN IMMEDIATE",
                    null,
                    null);
        }
        try {
            d.beginImmediate(jdbc);
        } catch (SQLException | RuntimeException e) {
            writeQueue.release();
            throw e instanceof SQLException s ? d.translate(s, "BEGIN IMMEDIATE", null) : (RuntimeException) e;
        }
        AtomicBoolean held = new AtomicBoolean(true);
        return () -> {
            if (held.compareAndSet(true, false)) {
                writeQueue.release();
            }
        };
    }

    @Override
    public Connection connect() {
        return open(false);
    }

    @Override
    public Connection begin() {
        return open(true);
    }

    private Connection open(boolean commitOnClose) {
        if (disposed) {
            throw new ResourceClosedError("this engine was disposed; create a new one to connect again");
        }
        java.sql.Connection jdbc;
        try {
            jdbc = provider.getConnection();
        } catch (SQLException e) {
            throw PoolProvider.connectFailure(e, dialectOrNull(), url);
        }
        try {
            EngineDialect d = dialect != null ? dialect : dialectFrom(jdbc);
            return new DefaultConnection(this, d, jdbc, provider.isTransactionManagedExternally(jdbc), commitOnClose);
        } catch (SQLException | RuntimeException e) {
            try {
                provider.releaseConnection(jdbc);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new OperationalError("could not prepare a connection: " + e.getMessage(), null, null, e);
        }
    }

    @Override
    public <T> T inTransaction(Function<? super Connection, ? extends T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection conn = connect()) {
            T value;
            try {
                value = work.apply(conn);
            } catch (RuntimeException | Error e) {
                if (conn.inTransaction()) {
                    try {
                        conn.rollback();
                    } catch (RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
            conn.commit();
            return value;
        }
    }

    @Override
    public void useTransaction(Consumer<? super Connection> work) {
        Objects.requireNonNull(work, "work");
        inTransaction(conn -> {
            work.accept(conn);
            return null;
        });
    }

    private @Nullable EngineDialect dialectOrNull() {
        EngineDialect d = dialect;
        return d != null ? d : declared;
    }

    @Override
    public EngineDialect dialect() {
        EngineDialect d = dialect;
        if (d == null) {
            synchronized (this) {
                d = dialect;
                if (d == null) {
                    d = detectDialect();
                    dialect = d;
                }
            }
        }
        return d;
    }

    /** The dialect, detected from this connection's product name when not yet known. */
    EngineDialect dialectFrom(java.sql.Connection connection) throws SQLException {
        EngineDialect d = dialect;
        if (d == null) {
            synchronized (this) {
                d = dialect;
                if (d == null) {
                    d = forServer(connection);
                    dialect = d;
                }
            }
        }
        return d;
    }

    /** The URL's dialect, or the one for the product the connection reports, made for the server behind it. */
    private EngineDialect forServer(java.sql.Connection connection) throws SQLException {
        EngineDialect d = declared != null
                ? declared
                : Dialects.forProduct(connection.getMetaData().getDatabaseProductName());
        return d.forServer(connection);
    }

    private EngineDialect detectDialect() {
        if (dataSource == null) {
            throw new InvalidRequestError("this engine has no dialect and no data source to detect one from");
        }
        try (java.sql.Connection c = dataSource.getConnection()) {
            return forServer(c);
        } catch (SQLException e) {
            throw new OperationalError(
                    "could not connect to detect the database's dialect: " + e.getMessage(), null, null, e);
        }
    }

    @Override
    public @Nullable URL url() {
        return url;
    }

    @Override
    public StatementCache statementCache() {
        return statementCache;
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    @Override
    public DataSource dataSource() {
        if (provider instanceof PoolProvider pool) {
            return pool;
        }
        if (dataSource == null) {
            throw new InvalidRequestError("this engine was created over a connection provider without a data source");
        }
        return dataSource;
    }

    @Override
    public void addStatementListener(StatementListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeStatementListener(StatementListener listener) {
        listeners.remove(listener);
    }

    void fire(StatementEvent event) {
        for (StatementListener listener : listeners) {
            listener.afterExecute(event);
        }
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void releaseConnection(java.sql.Connection connection) throws SQLException {
        provider.releaseConnection(connection);
    }

    void discardConnection(java.sql.Connection connection) throws SQLException {
        provider.discardConnection(connection);
    }

    SqlLog log() {
        return log;
    }

    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        statementCaches.dispose();
        statementCache.clear();
        if (provider instanceof PoolProvider pool) {
            pool.close();
        }
    }

    @Override
    public boolean isDisposed() {
        return disposed;
    }

    @Override
    public String toString() {
        return "Engine(" + (url != null ? url.toString() : String.valueOf(dataSource)) + ")";
    }
}
