package dev.alchemy.engine;

import dev.alchemy.exc.DBAPIError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * What the engine needs to know about one kind of database: how a URL becomes a JDBC connection, what to set on
 * each new connection, how driver errors map to Alchemy's exceptions, and how untyped values are bound and
 * converted. The SQL-level part of a dialect ({@code dev.alchemy.dialect.Dialect}) extends this interface.
 *
 * <p>Dialects are found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.alchemy.engine.EngineDialect}),
 * so the engine never names a database.
 */
public interface EngineDialect {

    /**
     * The registered dialect with a name.
     *
     * @param name {@code "sqlite"}, {@code "postgresql"}
     * @return the dialect
     * @throws dev.alchemy.exc.ArgumentError naming the known dialects when there is none by that name
     */
    static EngineDialect forName(String name) {
        return dev.alchemy.engine.internal.Dialects.forUrl(URL.parse(name + "://"));
    }

    /**
     * The registered dialect for a database product, as {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * reports it.
     *
     * @param productName the product name, e.g. {@code "SQLite"} or {@code "PostgreSQL"}
     * @return the dialect
     * @throws dev.alchemy.exc.ArgumentError when no dialect handles it
     */
    static EngineDialect forProductName(String productName) {
        return dev.alchemy.engine.internal.Dialects.forProduct(productName);
    }

    /** @return the dialect's name as used in URLs: {@code "sqlite"}, {@code "postgresql"} */
    String name();

    /**
     * Whether this dialect speaks to a database that reports itself with this product name in
     * {@link java.sql.DatabaseMetaData#getDatabaseProductName()}; used by {@link Engine#create(javax.sql.DataSource)}.
     *
     * @param productName the product name the driver reports
     * @return true when this dialect handles it
     */
    boolean handlesProduct(String productName);

    /**
     * Whether this dialect must see the server before it can compile anything: one dialect that serves several
     * servers or versions (MySQL and MariaDB) and becomes, through {@link #forServer}, a dialect for the one it
     * found. An engine with such a dialect connects once, on its first use of {@link Engine#dialect()}, to ask.
     *
     * @return true when {@link #forServer} must be called before the dialect is used
     */
    default boolean detectsServer() {
        return false;
    }

    /**
     * The dialect for the server behind a connection, called once per engine on its first connection (or on the
     * first use of {@link Engine#dialect()}), as SQLAlchemy's {@code Dialect.initialize()} is. MySQL's dialect learns
     * here whether the server is MariaDB and which version it runs. The default is this dialect.
     *
     * @param connection a connection to the server
     * @return the dialect the engine keeps
     * @throws SQLException from the driver
     */
    default EngineDialect forServer(Connection connection) throws SQLException {
        return this;
    }

    /**
     * Translates a URL into what the pool needs to open connections.
     *
     * @param url the parsed URL, with {@link URL#backendName()} equal to {@link #name()}
     * @param options the engine's options
     * @return the JDBC URL, driver and driver properties
     */
    ConnectionSpec connectionSpec(URL url, EngineOptions options);

    /**
     * Prepares a connection the engine did not open itself (one from an application's {@code DataSource}); called
     * once per physical connection, outside a transaction or at the very start of one, before anything has run in
     * it (the dialect may end and begin that transaction again). SQLite turns foreign keys on here.
     *
     * @param connection the new connection
     * @param options the engine's options
     * @throws SQLException from the driver
     */
    default void initializeConnection(Connection connection, EngineOptions options) throws SQLException {}

    /**
     * Whether {@link #initializeConnection} does anything, so that callers need not find a moment to call it.
     *
     * @return true when connections need the dialect's set-up (SQLite)
     */
    default boolean initializesConnections() {
        return false;
    }

    /**
     * Makes a statement about to run for {@code Connection.stream(...)} fetch its rows in batches rather than all at
     * once. The default is JDBC's {@link java.sql.Statement#setFetchSize}: PostgreSQL's driver then reads through a
     * server-side cursor (only with auto-commit off, inside a transaction, which is how the engine runs statements),
     * MariaDB's reads the batches from the socket as they are needed, and SQLite steps row by row in any case.
     *
     * @param statement the prepared statement, not yet executed
     * @param batchSize the rows to fetch per round trip, 1 or more
     * @throws SQLException from the driver
     */
    default void prepareForStreaming(java.sql.PreparedStatement statement, int batchSize) throws SQLException {
        statement.setFetchSize(batchSize);
    }

    /**
     * Whether an INSERT without RETURNING asks the driver for the key the database generated (JDBC's
     * {@code RETURN_GENERATED_KEYS}), which {@link Result#lastRowId()} then reports. MySQL's drivers read it from the
     * server's reply to the INSERT, at no cost; PostgreSQL's would rewrite the statement and SQLite's would run a
     * second query, and both have RETURNING.
     *
     * @return true when INSERTs report their generated key
     */
    default boolean readsGeneratedKeys() {
        return false;
    }

    /**
     * Whether the engine keeps this database's prepared statements open from one checkout of a pooled connection to
     * the next (per physical connection, prepared on the connection behind HikariCP's proxy), rather than preparing
     * them anew on every {@code engine.connect()}. Worth it where preparing is a real cost the driver does not save
     * by itself: SQLite compiles each statement, and re-prepares a kept one by itself when the schema changed.
     * PostgreSQL's driver already keeps server-side statements per physical connection, so it gains nothing there.
     *
     * @return true to keep prepared statements across checkouts
     */
    default boolean keepsStatementsAcrossCheckouts() {
        return false;
    }

    /**
     * Whether {@link EngineOptions#immediateTransactions()} applies to this database: it has one write lock per
     * database that a transaction can take when it begins (SQLite). When it does and the option is on, the engine
     * queues its own connections' transactions fairly, then calls {@link #beginImmediate(Connection)} before each
     * transaction's first statement.
     *
     * @return true when transactions can take the write lock when they begin
     */
    default boolean supportsImmediateTransactions() {
        return false;
    }

    /**
     * Takes the database's write lock for the transaction that is about to run its first statement, waiting up to the
     * busy timeout for other processes that hold it. The driver has turned auto-commit off, so a transaction is open
     * as far as JDBC knows, and nothing has run in it yet. Called only when {@link #supportsImmediateTransactions()}.
     *
     * @param connection the connection, whose transactions the engine manages (never one Spring's began)
     * @throws SQLException from the driver, such as a lock that did not become free within the busy timeout
     */
    default void beginImmediate(Connection connection) throws SQLException {
        throw new java.sql.SQLFeatureNotSupportedException(name() + " has no immediate transactions");
    }

    /**
     * Wraps a driver exception in the matching {@link DBAPIError} leaf.
     *
     * @param error the driver's exception
     * @param sql the statement, or null
     * @param parameters the bound values, or null when hidden
     * @return the exception to throw
     */
    DBAPIError translate(SQLException error, @Nullable String sql, @Nullable List<?> parameters);

    /**
     * Binds a value whose SQL type is not known (text SQL), in the form this database stores it.
     *
     * @param statement the statement
     * @param index the 1-based index
     * @param value the value
     * @throws SQLException from the driver
     */
    void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException;

    /**
     * Reads a column whose type is not known.
     *
     * @param resultSet the result set on a row
     * @param index the 1-based index
     * @return the value as the driver gives it
     * @throws SQLException from the driver
     */
    default @Nullable Object read(ResultSet resultSet, int index) throws SQLException {
        return resultSet.getObject(index);
    }

    /**
     * Whether a failed statement aborts the whole transaction, so that the database refuses every later statement
     * and turns a COMMIT into a ROLLBACK (PostgreSQL), rather than undoing only itself (SQLite). When it does,
     * {@link Connection#commit()} after a failure rolls back and raises instead of seeming to commit.
     *
     * @return true when a failed statement aborts the transaction
     */
    default boolean failedStatementAbortsTransaction() {
        return false;
    }

    /**
     * Makes the transaction about to begin read-only, or, called with false after it ended, the connection read-write
     * again: the database must then refuse every write. The default is JDBC's {@link Connection#setReadOnly}, which
     * PostgreSQL's driver turns into a {@code READ ONLY} transaction. Called only on connections whose transactions
     * the engine manages, with no statement run since the last one ended.
     *
     * @param connection the connection, auto-commit off
     * @param readOnly true before a read-only transaction, false after it
     * @throws SQLException from the driver
     */
    default void setTransactionReadOnly(Connection connection, boolean readOnly) throws SQLException {
        connection.setReadOnly(readOnly);
    }

    /**
     * The statement that makes the transaction about to begin read-only ({@code readOnly} true), or the connection
     * read-write again after it (false), for a database that does this with SQL rather than through JDBC. The engine
     * then runs it instead of calling {@link #setTransactionReadOnly}, through its cache of prepared statements, so
     * that a read-only transaction does not compile it anew each time (SQLite: {@code PRAGMA query_only}). The default,
     * null, leaves it to {@link #setTransactionReadOnly}.
     *
     * <p>A dialect that returns a statement promises that a SELECT without a row lock cannot write on its database:
     * the engine then runs the statement only before a read-only transaction's first statement that is not such a
     * SELECT ({@link Executable#isSelect}), so that a transaction that only selects costs no more than a read-write
     * one.
     *
     * @param readOnly true before a read-only transaction, false after it
     * @return the statement, without parameters; or null
     */
    default @Nullable String transactionReadOnlyStatement(boolean readOnly) {
        return null;
    }

    /**
     * Whether the database ended the current transaction by itself, without the driver knowing, after a statement,
     * COMMIT or ROLLBACK failed. SQLite rolls the whole transaction back on some errors ({@code SQLITE_FULL},
     * {@code SQLITE_IOERR}, {@code SQLITE_NOMEM}, some {@code SQLITE_BUSY}); sqlite-jdbc is not told, and would run
     * every later statement in a transaction of its own, each committed at once. An implementation may bring the
     * connection back in step with its driver while it looks (SQLite begins the transaction the driver believes
     * open). Asked only after an error, on a connection whose auto-commit is off; the default says no.
     *
     * @param connection the connection, with auto-commit off
     * @return true when the database holds no transaction although the driver believes one open
     * @throws SQLException when the state cannot be read; the connection is then discarded
     */
    default boolean transactionLost(Connection connection) throws SQLException {
        return false;
    }

    /**
     * How to read one column of a result whose types are not known (text SQL), decided once per result from the
     * column's metadata. PostgreSQL reads {@code timestamp} as {@code LocalDateTime} here, for example. The default
     * reads every column with {@link #read(ResultSet, int)}.
     *
     * @param metaData the result's metadata
     * @param column the 1-based column index
     * @return the reader for that column
     * @throws SQLException from the driver
     */
    default ValueReader untypedReader(ResultSetMetaData metaData, int column) throws SQLException {
        return this::read;
    }

    /**
     * Converts a value read without type information into a Java type ({@link Row#get(String, Class)}). SQLite
     * stores dates as text; this is where such text becomes a {@code LocalDate}.
     *
     * @param value the value as read
     * @param type the wanted type
     * @param <T> the wanted type
     * @return the converted value, or null for null
     * @throws dev.alchemy.exc.ArgumentError when the value cannot be converted
     */
    default <T> @Nullable T convert(@Nullable Object value, Class<T> type) {
        return Conversions.convert(value, type);
    }

    /**
     * How to open connections for a URL.
     *
     * @param jdbcUrl the JDBC URL
     * @param driverClassName the driver class, checked to be on the classpath before connecting
     * @param driverArtifact the Maven coordinates of the driver, named when it is missing
     * @param properties driver properties (user, password, settings)
     * @param sharedMemoryDatabase true when every connection must see one in-memory database that lives until the
     *     engine is disposed
     */
    record ConnectionSpec(
            String jdbcUrl,
            String driverClassName,
            String driverArtifact,
            Properties properties,
            boolean sharedMemoryDatabase) {

        /** Checks the arguments. */
        public ConnectionSpec {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(driverClassName, "driverClassName");
            Objects.requireNonNull(driverArtifact, "driverArtifact");
            Objects.requireNonNull(properties, "properties");
        }
    }
}
