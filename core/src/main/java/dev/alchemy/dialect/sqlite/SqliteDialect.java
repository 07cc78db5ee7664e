package dev.alchemy.dialect.sqlite;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.SqlWriter;
import dev.alchemy.dialect.internal.StandardBinding;
import dev.alchemy.dialect.internal.StandardSql;
import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.URL;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ProgrammingError;
import dev.alchemy.types.SqlType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SQLite, through the xerial {@code sqlite-jdbc} driver. Every connection has foreign keys on; a file database uses
 * WAL and a busy timeout; {@code sqlite:///:memory:} is one database shared by the engine's whole pool. Values
 * without a declared type are stored as SQLAlchemy stores them (dates as ISO text, booleans as 0/1, UUIDs as 32 hex
 * digits), so that a file written here reads the same in SQLAlchemy.
 */
public class SqliteDialect implements Dialect {

    private static final AtomicLong MEMORY_DATABASES = new AtomicLong();
    private static final SqliteReflector REFLECTOR = new SqliteReflector();
    private static final Pattern SQLITE_MESSAGE =
            Pattern.compile("\\[SQLITE_[A-Z_]+\\][^(]*\\((.*)\\)\\s*$", Pattern.DOTALL);

    private static final String BUSY_ADVICE = " (another connection holds SQLite's write lock, or wrote after this"
            + " transaction began reading; roll back and retry the transaction, raise EngineOptions.busyTimeout, or use"
            + " EngineOptions.immediateTransactions(true) so transactions wait for the lock when they begin)";
    private static final Pattern TRANSACTION_MODE =
            Pattern.compile("[?&]transaction_mode=([^&]*)", Pattern.CASE_INSENSITIVE);

    private final SqliteTypes types = new SqliteTypes(this::bind);

    /** Creates the dialect; found through {@link java.util.ServiceLoader}. */
    public SqliteDialect() {}

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean handlesProduct(String productName) {
        return productName.toLowerCase(java.util.Locale.ROOT).contains("sqlite");
    }

    @Override
    public ConnectionSpec connectionSpec(URL url, EngineOptions options) {
        Properties properties = new Properties();
        properties.setProperty("foreign_keys", "true");
        properties.setProperty(
                "busy_timeout", Long.toString(options.busyTimeout().toMillis()));
        String file = file(url);
        boolean memory = file == null;
        String jdbcUrl;
        if (memory) {
            // one named shared-cache database per engine, so pooled connections see the same tables
            jdbcUrl = "jdbc:sqlite:file:alchemy-memory-" + MEMORY_DATABASES.incrementAndGet()
                    + "?mode=memory&cache=shared";
        } else {
            properties.setProperty("journal_mode", "WAL");
            jdbcUrl = url.isJdbc() ? url.rawText() : "jdbc:sqlite:" + file;
        }
        if (!url.isJdbc()) {
            url.query().forEach(properties::setProperty);
        }
        String mode = properties.getProperty("transaction_mode");
        Matcher inJdbcUrl = TRANSACTION_MODE.matcher(jdbcUrl);
        if (mode == null && inJdbcUrl.find()) {
            mode = inJdbcUrl.group(1);
        }
        if (mode != null && !mode.equalsIgnoreCase("DEFERRED")) {
            // sqlite-jdbc begins the next transaction in this mode as soon as one ends, so every idle pooled
            // connection would hold the write lock and the pool would stall until its connection timeout
            throw new ArgumentError("transaction_mode=" + mode + " in '" + url + "' would make every idle pooled "
                    + "connection hold SQLite's write lock; use EngineOptions.defaults().immediateTransactions(true), "
                    + "which takes the lock when a transaction begins its first statement");
        }
        return new ConnectionSpec(jdbcUrl, "org.sqlite.JDBC", "org.xerial:sqlite-jdbc", properties, memory);
    }

    /** @return the file path, or null for an in-memory database */
    private static @Nullable String file(URL url) {
        if (url.isJdbc()) {
            String rest = url.rawText().substring("jdbc:sqlite:".length());
            return rest.isEmpty() || rest.equals(":memory:") || rest.startsWith(":memory:?") ? null : rest;
        }
        if (url.host() != null || url.username() != null || url.port() != null) {
            throw new ArgumentError(
                    "an sqlite URL names a file, not a server: '" + url + "'; use 'sqlite:///relative/path.db', "
                            + "'sqlite:////absolute/path.db' or 'sqlite:///:memory:'");
        }
        String database = url.database();
        if (database == null || database.equals(":memory:")) {
            return null;
        }
        return Path.of(database).toString();
    }

    /**
     * Turns foreign keys on, once per connection; a connection that has them on already (the engine's own pool opens
     * them so) is left as it is. {@code PRAGMA foreign_keys} does nothing inside a transaction, and sqlite-jdbc
     * begins one as soon as auto-commit is off (a pool configured without auto-commit, or a Spring transaction that
     * has just begun): then that transaction, in which nothing has run, is ended first and begun again after.
     *
     * @throws SQLException when foreign keys are still off after the pragma
     */
    @Override
    public void initializeConnection(Connection connection, EngineOptions options) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (foreignKeysOn(statement)) {
                return;
            }
            boolean inTransaction = !connection.getAutoCommit();
            if (inTransaction) {
                statement.execute("COMMIT"); // sqlite-jdbc's own BEGIN: nothing ran in it, so this commits nothing
            }
            try {
                statement.execute("PRAGMA foreign_keys=ON");
            } finally {
                if (inTransaction) {
                    statement.execute("BEGIN"); // the state the driver expects: inside a transaction
                }
            }
            if (!foreignKeysOn(statement)) {
                throw new SQLException("SQLite did not turn foreign keys on for " + connection);
            }
        }
    }

    private static boolean foreignKeysOn(Statement statement) throws SQLException {
        try (java.sql.ResultSet rs = statement.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /** Foreign keys are off on an SQLite connection until turned on. */
    @Override
    public boolean initializesConnections() {
        return true;
    }

    /**
     * Preparing is a large share of a short statement's cost on SQLite (it compiles the statement), and a kept
     * statement is re-prepared by SQLite itself when the schema changed.
     */
    @Override
    public boolean keepsStatementsAcrossCheckouts() {
        return true;
    }

    @Override
    public boolean supportsImmediateTransactions() {
        return true;
    }

    /**
     * Ends the empty transaction the driver opened when auto-commit went off and begins an immediate one instead,
     * which takes the write lock now (waiting up to the busy timeout) rather than at the first write. sqlite-jdbc's
     * own {@code transaction_mode=IMMEDIATE} cannot be used for this: it begins the next transaction the moment one
     * ends, so an idle pooled connection would hold the write lock (see {@link #connectionSpec}).
     */
    @Override
    public void beginImmediate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT"); // nothing ran in it: commits nothing
            try {
                statement.execute("BEGIN IMMEDIATE");
            } catch (SQLException busy) {
                try {
                    statement.execute("BEGIN"); // back to the state the driver expects: inside a transaction
                } catch (SQLException suppressed) {
                    busy.addSuppressed(suppressed);
                }
                throw busy;
            }
        }
    }

    /**
     * {@code PRAGMA query_only}: sqlite-jdbc fixes its read-only flag when the connection opens, and SQLite refuses
     * every write while the pragma is on ("attempt to write a readonly database").
     */
    @Override
    public void setTransactionReadOnly(Connection connection, boolean readOnly) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(transactionReadOnlyStatement(readOnly));
        }
    }

    /** {@code PRAGMA query_only}, which the engine keeps prepared: see {@link #setTransactionReadOnly}. */
    @Override
    public String transactionReadOnlyStatement(boolean readOnly) {
        return readOnly ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF";
    }

    /**
     * Asks SQLite with a {@code BEGIN}: inside a transaction it fails ("cannot start a transaction within a
     * transaction") and changes nothing; outside one it succeeds, which opens the transaction sqlite-jdbc believes
     * open (it ran its own {@code BEGIN} after the last COMMIT or ROLLBACK), so the connection is in step again. The C
     * API's {@code sqlite3_get_autocommit} would say the same, but sqlite-jdbc does not expose it.
     */
    @Override
    public boolean transactionLost(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
        } catch (SQLException inside) {
            if (String.valueOf(inside.getMessage()).contains("within a transaction")) {
                return false;
            }
            throw inside;
        }
        return true;
    }

    @Override
    public DBAPIError translate(SQLException error, @Nullable String sql, @Nullable List<?> parameters) {
        String reason = reason(error);
        int code = error.getErrorCode() & 0xff;
        return switch (code) {
            case 19 -> new IntegrityError(reason, sql, parameters, error); // SQLITE_CONSTRAINT
            case 1, 21, 25 -> new ProgrammingError(reason, sql, parameters, error); // ERROR, MISUSE, RANGE (bind index)
            case 8 ->
                new OperationalError( // READONLY
                        reason + " (the transaction is read-only, or the database file is)", sql, parameters, error);
            case 18, 20 -> new DataError(reason, sql, parameters, error); // TOOBIG, MISMATCH
            case 5 -> new OperationalError(reason + BUSY_ADVICE, sql, parameters, error); // BUSY, BUSY_SNAPSHOT
            default -> new OperationalError(reason, sql, parameters, error); // LOCKED, IOERR, CANTOPEN, FULL...
        };
    }

    private static String reason(SQLException error) {
        String message = String.valueOf(error.getMessage());
        Matcher m = SQLITE_MESSAGE.matcher(message);
        return m.find() ? m.group(1) : message;
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if ((value instanceof Double d && d.isNaN()) || (value instanceof Float f && f.isNaN())) {
            throw StandardBinding.nanRefused(value, "REAL");
        } else if (value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof byte[]) {
            statement.setObject(index, value);
        } else if (value instanceof Boolean b) {
            statement.setInt(index, b ? 1 : 0);
        } else if (value instanceof Short || value instanceof Byte) {
            statement.setInt(index, ((Number) value).intValue());
        } else if (value instanceof Float f) {
            statement.setDouble(index, f);
        } else if (value instanceof BigDecimal d) {
            statement.setString(index, d.toPlainString());
        } else if (value instanceof java.math.BigInteger i) {
            statement.setString(index, i.toString());
        } else if (value instanceof LocalDateTime t) {
            statement.setString(index, Conversions.DATETIME.format(t));
        } else if (value instanceof LocalDate d) {
            statement.setString(index, d.toString());
        } else if (value instanceof LocalTime t) {
            statement.setString(index, Conversions.TIME.format(t));
        } else if (value instanceof OffsetDateTime t) {
            statement.setString(
                    index,
                    Conversions.DATETIME.format(
                            t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
        } else if (value instanceof Instant t) {
            statement.setString(index, Conversions.DATETIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)));
        } else if (value instanceof UUID u) {
            statement.setString(index, Conversions.uuidHex(u));
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else if (value instanceof java.sql.Date d) {
            // JDBC's own date and time classes mean wall-clock values (and toInstant() throws on two of them)
            statement.setString(index, d.toLocalDate().toString());
        } else if (value instanceof java.sql.Time t) {
            statement.setString(index, Conversions.TIME.format(t.toLocalTime()));
        } else if (value instanceof java.sql.Timestamp t) {
            statement.setString(index, Conversions.DATETIME.format(t.toLocalDateTime()));
        } else if (value instanceof java.util.Date d) {
            statement.setString(
                    index, Conversions.DATETIME.format(LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC)));
        } else {
            throw new ArgumentError("cannot bind a " + value.getClass().getName() + " to SQLite; use a String, number, "
                    + "Boolean, byte[], java.time value, UUID or enum");
        }
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return SqliteIdentifiers.quote(identifier);
    }

    @Override
    public String ddlType(SqlType<?> type) {
        return SqliteTypes.ddlType(type);
    }

    /** As SQLAlchemy stores the type on SQLite; resolved once per type. */
    @Override
    public ValueBinder binder(SqlType<?> type) {
        return types.binder(type);
    }

    /** Back into the type's Java class (a DATE's text becomes a {@code LocalDate}); resolved once per type. */
    @Override
    public ValueReader reader(SqlType<?> type) {
        return types.reader(type);
    }

    /** SQLite needs a LIMIT before OFFSET; SQLAlchemy always sends both, LIMIT -1 meaning none. */
    @Override
    public void renderLimitOffset(SqlWriter writer, @Nullable Integer limit, @Nullable Integer offset) {
        writer.append("\n LIMIT ").bindAnonymous("param", limit == null ? -1 : limit, null);
        writer.append(" OFFSET ").bindAnonymous("param", offset == null ? 0 : offset, null);
    }

    /** A single-column integer primary key must be exactly INTEGER to alias the rowid and autoincrement. */
    @Override
    public String ddlAutoincrementType(SqlType<?> type) {
        return "INTEGER";
    }

    /** Only the sole column of a key is the rowid alias; a composite key's column keeps its type. */
    @Override
    public String ddlAutoincrementType(SqlType<?> type, boolean onlyKeyColumn) {
        return onlyKeyColumn ? "INTEGER" : ddlType(type);
    }

    /** SQLite has no {@code ALTER TABLE ... ADD CONSTRAINT}; it accepts foreign keys to tables not created yet. */
    @Override
    public boolean supportsAlter() {
        return false;
    }

    @Override
    public void deferForeignKeyChecks(dev.alchemy.engine.Connection connection) {
        connection.execute(
                d -> new dev.alchemy.engine.CompiledStatement("PRAGMA defer_foreign_keys = ON", List.of(), null));
    }

    /** Checks {@code PRAGMA main.table_info}, then {@code temp}, as SQLAlchemy does. */
    @Override
    public boolean hasTable(dev.alchemy.engine.Connection connection, @Nullable String schema, String table) {
        String quoted = SqliteReflector.quote(table);
        for (String db : schema == null ? List.of("main", "temp") : List.of(SqliteReflector.quote(schema))) {
            String sql = "PRAGMA " + db + ".table_info(" + quoted + ")";
            if (connection
                            .execute(d -> new dev.alchemy.engine.CompiledStatement(sql, List.of(), null))
                            .first()
                    != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public dev.alchemy.dialect.SchemaReflector reflector() {
        return REFLECTOR;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    /** Booleans are the integers 1 and 0, as SQLAlchemy writes {@code col == True} on SQLite. */
    @Override
    public String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public boolean supportsNativeBoolean() {
        return false;
    }

    /** SQLAlchemy's SQLite form of an empty IN: a subquery that returns no rows. */
    @Override
    public void renderEmptyIn(SqlWriter writer, boolean negated) {
        writer.append(
                negated
                        ? " NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1)"
                        : " IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1)");
    }

    /** SQLAlchemy's SQLite {@code extract_map}: the STRFTIME format of each field SQLite can extract. */
    private static final Map<String, String> EXTRACT_FORMATS = Map.of(
            "month", "%m",
            "day", "%d",
            "year", "%Y",
            "second", "%S",
            "hour", "%H",
            "doy", "%j",
            "minute", "%M",
            "epoch", "%s",
            "dow", "%w",
            "week", "%W");

    /**
     * SQLite has no EXTRACT: {@code CAST(STRFTIME('%Y', x) AS INTEGER)}, as SQLAlchemy's SQLite compiler writes it.
     * {@code week} is STRFTIME's {@code %W} (weeks starting on Monday, the days before the year's first Monday in
     * week 0), not PostgreSQL's ISO week; {@code second} and {@code epoch} are whole numbers.
     */
    @Override
    public void renderExtract(SqlWriter writer, String field, Runnable expression) {
        String format = EXTRACT_FORMATS.get(field);
        if (format == null) {
            throw new CompileError("SQLite cannot extract '" + field + "'; it can extract "
                    + "year, month, day, hour, minute, second, doy, dow, week and epoch");
        }
        writer.append("CAST(STRFTIME('").append(format).append("', ");
        expression.run();
        writer.append(") AS INTEGER)");
    }

    /** SQLite has no {@code now()}: it is {@code CURRENT_TIMESTAMP}, as SQLAlchemy's SQLite compiler writes it. */
    @Override
    public @Nullable String niladicFunction(String name) {
        return name.equalsIgnoreCase("now") ? "CURRENT_TIMESTAMP" : null;
    }

    /** SQLite's RETURNING sees only the target table: columns are bare ({@code RETURNING id}), as in SQLAlchemy 2.0. */
    @Override
    public boolean qualifiesReturningColumns() {
        return false;
    }

    /** SQLite rejects {@code (SELECT ... LIMIT 1) UNION ...}; such members become {@code SELECT * FROM (...)}. */
    @Override
    public boolean supportsParenthesizedSetOperands() {
        return false;
    }

    /** SQLite names a VALUES list's columns column1, column2, ... and accepts no names after its alias. */
    @Override
    public boolean supportsDerivedColumnNames() {
        return false;
    }

    /** UPDATE ... FROM exists since SQLite 3.33. */
    @Override
    public boolean supportsUpdateFrom() {
        return true;
    }

    /** SQLite locks the whole database, not rows: FOR UPDATE is left out, as SQLAlchemy does. */
    @Override
    public void renderForUpdate(SqlWriter writer, boolean nowait, boolean skipLocked, boolean read) {}

    /** ON CONFLICT exists since SQLite 3.24. */
    @Override
    public boolean supportsOnConflict() {
        return true;
    }

    @Override
    public void renderOnConflict(
            SqlWriter writer, List<String> quotedTargets, @Nullable String quotedConstraint, boolean doNothing) {
        if (quotedConstraint != null) {
            throw new dev.alchemy.exc.CompileError(
                    "SQLite cannot name a constraint as an upsert's conflict target; give the index columns instead");
        }
        StandardSql.renderOnConflict(writer, quotedTargets, null, doNothing);
    }

    @Override
    public String toString() {
        return "SqliteDialect";
    }
}
