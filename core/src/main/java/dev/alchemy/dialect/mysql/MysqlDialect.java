package dev.alchemy.dialect.mysql;

import dev.alchemy.dialect.Dialect;
import dev.alchemy.dialect.MultiRowInsertKeys;
import dev.alchemy.dialect.SchemaReflector;
import dev.alchemy.dialect.SqlWriter;
import dev.alchemy.dialect.internal.StandardSql;
import dev.alchemy.engine.BoundParameter;
import dev.alchemy.engine.CompiledStatement;
import dev.alchemy.engine.Connection;
import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.EngineOptions;
import dev.alchemy.engine.URL;
import dev.alchemy.engine.ValueBinder;
import dev.alchemy.engine.ValueReader;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.CompileError;
import dev.alchemy.exc.DBAPIError;
import dev.alchemy.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * MySQL and MariaDB, through either JDBC driver: MariaDB Connector/J ({@code org.mariadb.jdbc:mariadb-java-client})
 * or MySQL Connector/J ({@code com.mysql:mysql-connector-j}). One dialect serves both servers, as SQLAlchemy's
 * {@code mysql} dialect does: when an engine first connects, the dialect asks the server what it is
 * ({@code SELECT VERSION()}) and the engine keeps a dialect made for that server, so that MariaDB 10.5 and later
 * get {@code INSERT ... RETURNING}, 10.3 and later sequences, 10.7 and later the native {@code UUID} type, and MySQL
 * 8 its {@code FOR SHARE}. The engine's dialect is named after the server it found: {@code mariadb} or
 * {@code mysql}.
 *
 * <p>URLs: {@code mysql://user:password@host:3306/database} and {@code mariadb://...} (SQLAlchemy's forms, with
 * {@code +mysqlconnector} or {@code +mariadbconnector} to choose the driver; without it, {@code mysql://} prefers
 * MySQL Connector/J and {@code mariadb://} MariaDB Connector/J, each taking the other when only the other is on the
 * class path), or a JDBC URL {@code jdbc:mysql:...} / {@code jdbc:mariadb:...} as the drivers document them. Query
 * parameters go to the driver as properties.
 *
 * <pre>{@code
 * Engine engine = Alchemy.createEngine("mariadb://app:secret@localhost:3306/shop");
 * }</pre>
 */
public class MysqlDialect implements Dialect {

    private static final String MARIADB_DRIVER = "org.mariadb.jdbc.Driver";
    private static final String MARIADB_ARTIFACT = "org.mariadb.jdbc:mariadb-java-client";
    private static final String MYSQL_DRIVER = "com.mysql.cj.jdbc.Driver";
    private static final String MYSQL_ARTIFACT = "com.mysql:mysql-connector-j";

    /** SQLAlchemy's driver names that choose no particular JDBC driver (Python drivers of a copied URL). */
    private static final List<String> ANY_DRIVER = List.of("pymysql", "mysqldb", "aiomysql", "asyncmy", "cymysql");

    private static final MysqlReflector REFLECTOR = new MysqlReflector();

    /** The dialects made for servers, shared by engines on equal servers (compiled-statement caches key on them). */
    private static final Map<String, MysqlDialect> FOR_SERVER = new ConcurrentHashMap<>();

    private final String name;
    private final @Nullable MysqlServer server;
    private final MysqlServer assumed;
    private final MysqlTypes types;

    /** Creates the dialect of {@code mysql://} URLs; found through {@link java.util.ServiceLoader}. */
    public MysqlDialect() {
        this("mysql", null);
    }

    /**
     * @param name the name in URLs
     * @param server the server this dialect was made for, or null before connecting
     */
    MysqlDialect(String name, @Nullable MysqlServer server) {
        this.name = name;
        this.server = server;
        this.assumed = server != null
                ? server
                : name.equals("mariadb") ? MysqlServer.ASSUMED_MARIADB : MysqlServer.ASSUMED_MYSQL;
        this.types = new MysqlTypes(this::bind, assumed.nativeUuid());
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the server this dialect was made for (or assumes, before an engine has connected) */
    MysqlServer server() {
        return assumed;
    }

    /** MariaDB Connector/J reports {@code MariaDB} for MariaDB; both drivers report {@code MySQL} otherwise. */
    @Override
    public boolean handlesProduct(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }

    @Override
    public boolean detectsServer() {
        return server == null;
    }

    /** A dialect made for the server behind the connection; equal servers share one. */
    @Override
    public EngineDialect forServer(java.sql.Connection connection) throws SQLException {
        if (server != null) {
            return this;
        }
        MysqlServer found = MysqlServer.of(connection);
        if (name.equals("mariadb") && !found.mariadb()) {
            throw new ArgumentError("a mariadb:// URL connected to " + found
                    + ", which is not MariaDB; use a mysql:// URL for a MySQL server");
        }
        String serverName = found.mariadb() ? "mariadb" : "mysql";
        return FOR_SERVER.computeIfAbsent(serverName + "/" + found, k -> new MysqlDialect(serverName, found));
    }

    @Override
    public ConnectionSpec connectionSpec(URL url, EngineOptions options) {
        Properties properties = new Properties();
        if (url.isJdbc()) {
            MysqlStrictMode.checkJdbcUrl(url.rawText());
            boolean mariadb = url.rawText().startsWith("jdbc:mariadb:");
            return new ConnectionSpec(
                    url.rawText(),
                    mariadb ? MARIADB_DRIVER : MYSQL_DRIVER,
                    mariadb ? MARIADB_ARTIFACT : MYSQL_ARTIFACT,
                    properties,
                    false);
        }
        if (url.database() == null) {
            throw new ArgumentError("a " + name + " URL needs a database name: '" + name
                    + "://user:password@host:3306/database', got '" + url + "'");
        }
        if (url.username() != null) {
            properties.setProperty("user", url.username());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        MysqlStrictMode.checkProperties(url.query(), url.toString());
        url.query().forEach(properties::setProperty);
        boolean mariadbDriver = mariadbDriver(url);
        String host = url.host() == null ? "localhost" : url.host();
        String port = url.port() == null ? "" : ":" + url.port();
        return new ConnectionSpec(
                (mariadbDriver ? "jdbc:mariadb://" : "jdbc:mysql://") + host + port + "/" + url.database(),
                mariadbDriver ? MARIADB_DRIVER : MYSQL_DRIVER,
                mariadbDriver ? MARIADB_ARTIFACT : MYSQL_ARTIFACT,
                properties,
                false);
    }

    /**
     * Makes a connection of an application's {@code DataSource} strict ({@code STRICT_TRANS_TABLES} added to its
     * {@code sql_mode}) if it is not, as both drivers do by default: without it, the server would store a string cut
     * to its column's length, or a number clamped to its range, with only a warning. The engine's own connections are
     * strict through the driver ({@code jdbcCompliantTruncation}, which a URL may not turn off).
     */
    @Override
    public void initializeConnection(java.sql.Connection connection, EngineOptions options) throws SQLException {
        MysqlStrictMode.ensure(connection);
    }

    /** A connection from an application's {@code DataSource} is checked once for strict SQL mode. */
    @Override
    public boolean initializesConnections() {
        return true;
    }

    /**
     * MariaDB Connector/J reads a result with a fetch size in batches from the socket (a statement run meanwhile on
     * the connection first reads the rest into memory). MySQL Connector/J ignores a positive fetch size unless told
     * {@code useCursorFetch=true}, so its row-by-row streaming ({@code Integer.MIN_VALUE}) is used, during which the connection refuses other statements until the stream is read or closed.
     */
    @Override
    public void prepareForStreaming(PreparedStatement statement, int batchSize) throws SQLException {
        String driver = statement.getConnection().getMetaData().getDriverName();
        boolean mysqlConnector = driver != null && driver.startsWith("MySQL Connector");
        statement.setFetchSize(mysqlConnector ? Integer.MIN_VALUE : batchSize);
    }

    /** Which driver a URL asks for: named by {@code +driver}, else this dialect's own when present, else the other. */
    private boolean mariadbDriver(URL url) {
        String driver = url.driverName();
        if ("mariadbconnector".equals(driver)) {
            return true;
        }
        if ("mysqlconnector".equals(driver)) {
            return false;
        }
        if (driver != null && !ANY_DRIVER.contains(driver)) {
            throw new ArgumentError("unknown driver '" + driver + "' in '" + url + "'; " + name
                    + " URLs take +mariadbconnector (MariaDB Connector/J) or +mysqlconnector (MySQL Connector/J)");
        }
        boolean preferMariadb = name.equals("mariadb");
        String preferred = preferMariadb ? MARIADB_DRIVER : MYSQL_DRIVER;
        String other = preferMariadb ? MYSQL_DRIVER : MARIADB_DRIVER;
        if (!present(preferred) && present(other)) {
            return !preferMariadb;
        }
        return preferMariadb;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MysqlDialect.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public DBAPIError translate(SQLException error, @Nullable String sql, @Nullable List<?> parameters) {
        return MysqlErrors.translate(error, sql, parameters);
    }

    @Override
    public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        MysqlValues.bind(statement, index, value);
    }

    @Override
    public ValueReader untypedReader(ResultSetMetaData metaData, int column) throws SQLException {
        return MysqlValues.reader(metaData, column);
    }

    /** Backticks, where SQLAlchemy would quote: reserved words, upper case, anything but letters, digits and _. */
    @Override
    public String quoteIdentifier(String identifier) {
        boolean plain = StandardSql.isLegalLowerCase(identifier) && !MysqlReserved.WORDS.contains(identifier);
        return plain ? identifier : '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String ddlType(SqlType<?> type) {
        return types.ddlType(type);
    }

    @Override
    public String castType(SqlType<?> type) {
        return types.castType(type);
    }

    @Override
    public ValueBinder binder(SqlType<?> type) {
        return types.binder(type);
    }

    @Override
    public ValueReader reader(SqlType<?> type) {
        return types.reader(type);
    }

    /**
     * As SQLAlchemy's MySQL compiler: {@code LIMIT ?}, {@code LIMIT ?, ?} (offset first) and, for an offset alone,
     * the largest limit MySQL takes, {@code LIMIT ?, 18446744073709551615}.
     */
    @Override
    public void renderLimitOffset(SqlWriter writer, @Nullable Integer limit, @Nullable Integer offset) {
        writer.append(" \n LIMIT ");
        if (offset != null) {
            writer.bindAnonymous("param", offset, null).append(", ");
            if (limit == null) {
                writer.append("18446744073709551615");
                return;
            }
        }
        writer.bindAnonymous("param", limit, null);
    }

    /** MariaDB 10.5 and later return rows from INSERT and DELETE (not yet from UPDATE); MySQL does not. */
    @Override
    public boolean supportsReturning() {
        return assumed.returning();
    }

    @Override
    public boolean supportsUpdateReturning() {
        return false;
    }

    /**
     * MariaDB 10.5 and later: RETURNING. Otherwise (MySQL) the driver's key of the first row and the ones after it
     * by {@code auto_increment_increment}, where the MySQL manual ("AUTO_INCREMENT Handling in InnoDB") promises
     * that the keys of one multi-row INSERT are consecutive: with {@code innodb_autoinc_lock_mode} 0 or 1. Under 2,
     * MySQL 8's default, it promises that only "if the only statements executing are simple inserts", which no
     * client can know; then each row is inserted on its own.
     */
    @Override
    public MultiRowInsertKeys multiRowInsertKeys() {
        if (assumed.returning()) {
            return MultiRowInsertKeys.returning();
        }
        if (!assumed.consecutiveKeys()) {
            return MultiRowInsertKeys.oneRowAtATime("innodb_autoinc_lock_mode is " + assumed.autoincLockMode()
                    + " (interleaved): the keys of one multi-row INSERT need not be consecutive");
        }
        return MultiRowInsertKeys.consecutive(assumed.autoIncrementIncrement());
    }

    /** The driver reads the key of an INSERT's first row from the server's reply, at no extra round trip. */
    @Override
    public boolean readsGeneratedKeys() {
        return true;
    }

    /** {@code INSERT INTO t () VALUES ()}: MySQL has no {@code DEFAULT VALUES}. */
    @Override
    public String emptyInsertValues() {
        return " () VALUES ()";
    }

    /** {@code id INTEGER NOT NULL AUTO_INCREMENT}, as SQLAlchemy writes a table's autoincrement column. */
    @Override
    public @Nullable String autoincrementKeyword() {
        return "AUTO_INCREMENT";
    }

    /**
     * {@code ENGINE=InnoDB}, SQLAlchemy's {@code mysql_engine='InnoDB'} that its documentation recommends: foreign
     * keys and transactions need InnoDB, which a server's {@code default_storage_engine} might not be.
     */
    @Override
    public String createTableSuffix() {
        return "ENGINE=InnoDB";
    }

    /** {@code DROP INDEX ix ON table}: an index belongs to its table in MySQL. */
    @Override
    public boolean dropIndexNamesTable() {
        return true;
    }

    /** MySQL's TINYINT booleans: {@code WHERE active = 1}, as SQLAlchemy writes it (supports_native_boolean False). */
    /** MySQL's {@code ||} is a logical OR: concatenation is {@code concat(a, b)}, as SQLAlchemy writes it. */
    @Override
    public boolean concatenatesWithPipes() {
        return false;
    }

    @Override
    public boolean supportsNativeBoolean() {
        return false;
    }

    /** {@code (SELECT ...) UNION (SELECT ...)}: MySQL 8 and MariaDB 10.4 and later. */
    @Override
    public boolean supportsParenthesizedSetOperands() {
        return true;
    }

    /** Neither server names the columns of a derived VALUES list in its alias. */
    @Override
    public boolean supportsDerivedColumnNames() {
        return false;
    }

    @Override
    public boolean supportsValuesConstructor() {
        return false;
    }

    @Override
    public boolean hasTable(Connection connection, @Nullable String schema, String table) {
        String sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = coalesce(?, database())"
                + " AND table_name = ? AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED')";
        return connection
                        .execute(d -> new CompiledStatement(
                                sql,
                                List.of(
                                        BoundParameter.of("schema", schema, null),
                                        BoundParameter.of("table", table, null)),
                                null))
                        .first()
                != null;
    }

    @Override
    public SchemaReflector reflector() {
        return REFLECTOR;
    }

    /** MariaDB 10.3 and later. */
    @Override
    public boolean supportsSequences() {
        return assumed.sequences();
    }

    @Override
    public boolean hasSequence(Connection connection, @Nullable String schema, String sequence) {
        String sql = "SELECT 1 FROM information_schema.tables WHERE table_type = 'SEQUENCE'"
                + " AND table_schema = coalesce(?, database()) AND table_name = ?";
        return connection
                        .execute(d -> new CompiledStatement(
                                sql,
                                List.of(
                                        BoundParameter.of("schema", schema, null),
                                        BoundParameter.of("sequence", sequence, null)),
                                null))
                        .first()
                != null;
    }

    /** MariaDB's {@code nextval(name)}, as SQLAlchemy writes it. */
    @Override
    public void renderNextValue(SqlWriter writer, String quotedSequence) {
        if (!assumed.sequences()) {
            Dialect.super.renderNextValue(writer, quotedSequence); // throws: MySQL has no sequences
            return;
        }
        writer.append("nextval(").append(quotedSequence).append(")");
    }

    /**
     * MySQL's {@code /} gives a fraction even for two integers ({@code 5 / 2} is {@code 2.5000}); {@code DIV}
     * truncates toward zero as SQLite and PostgreSQL divide integers, so that the INTEGER an integer division is
     * typed as is what comes back (SQLAlchemy 1.4 writes {@code /}, and reads the fraction as a {@code Decimal}).
     */
    @Override
    public String integerDivisionOperator() {
        return "DIV";
    }

    /**
     * {@code EXTRACT(year FROM x)} where MySQL's EXTRACT knows the field (year, quarter, month, day, hour, minute);
     * the others in MySQL's own functions, giving what PostgreSQL gives: {@code week} is the ISO week
     * ({@code WEEK(x, 3)}), {@code doy} {@code DAYOFYEAR(x)}, {@code dow} Sunday 0 ({@code DAYOFWEEK(x) - 1}),
     * {@code second} and {@code milliseconds} with their fraction, {@code microseconds} including the seconds,
     * {@code epoch} the seconds since 1970-01-01 00:00 of the stored value (time-zone-aware values are stored as
     * UTC). SQLAlchemy writes {@code EXTRACT(dow FROM x)}, which MySQL refuses. MySQL values carry no time zone,
     * so {@code timezone_hour} and {@code timezone_minute} cannot be extracted.
     */
    @Override
    public void renderExtract(SqlWriter writer, String field, Runnable expression) {
        String open;
        String close = ")";
        switch (field) {
            case "year", "quarter", "month", "day", "hour", "minute" ->
                open = "EXTRACT(" + field.toUpperCase(Locale.ROOT) + " FROM ";
            case "week" -> {
                open = "WEEK(";
                close = ", 3)";
            }
            case "doy" -> open = "DAYOFYEAR(";
            case "dow" -> {
                open = "(DAYOFWEEK(";
                close = ") - 1)";
            }
            case "second" -> {
                open = "(EXTRACT(SECOND_MICROSECOND FROM ";
                close = ") * 0.000001)";
            }
            case "milliseconds" -> {
                open = "(EXTRACT(SECOND_MICROSECOND FROM ";
                close = ") * 0.001)";
            }
            case "microseconds" -> open = "EXTRACT(SECOND_MICROSECOND FROM ";
            case "epoch" -> {
                open = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', ";
                close = ") * 0.000001)";
            }
            default ->
                throw new CompileError("MySQL and MariaDB cannot extract '" + field
                        + "' (their values carry no time zone); they can extract year, quarter, month, week, day, doy, "
                        + "dow, hour, minute, second, milliseconds, microseconds and epoch");
        }
        writer.append(open);
        expression.run();
        writer.append(close);
    }

    /**
     * {@code FOR UPDATE [NOWAIT] [SKIP LOCKED]}; the shared lock is MySQL 8's {@code FOR SHARE} and MariaDB's
     * {@code LOCK IN SHARE MODE}, as SQLAlchemy writes them.
     */
    @Override
    public void renderForUpdate(SqlWriter writer, boolean nowait, boolean skipLocked, boolean read) {
        writer.append(read ? (assumed.forShare() ? " FOR SHARE" : " LOCK IN SHARE MODE") : " FOR UPDATE");
        if (nowait) {
            writer.append(" NOWAIT");
        }
        if (skipLocked) {
            writer.append(" SKIP LOCKED");
        }
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE}: MySQL's upsert, which a conflict on any unique key of the table sets off
     * (there is no conflict target to name). DO NOTHING is written as {@code ON DUPLICATE KEY UPDATE col = col} on
     * the first named column, which changes nothing, rather than {@code INSERT IGNORE}, which would also turn other
     * errors (a bad foreign key, a value too long) into warnings.
     */
    @Override
    public boolean supportsOnConflict() {
        return true;
    }

    @Override
    public void renderOnConflict(
            SqlWriter writer, List<String> quotedTargets, @Nullable String quotedConstraint, boolean doNothing) {
        if (quotedConstraint != null) {
            throw new CompileError("MySQL and MariaDB cannot name the conflicting constraint of an upsert ("
                    + quotedConstraint + "); ON DUPLICATE KEY UPDATE applies to a conflict on any unique key: use"
                    + " onConflictDoUpdate/onConflictDoNothing with the key's columns");
        }
        writer.append(" ON DUPLICATE KEY UPDATE ");
        if (doNothing) {
            if (quotedTargets.isEmpty()) {
                throw new CompileError("on MySQL and MariaDB, DO NOTHING is written as ON DUPLICATE KEY UPDATE col ="
                        + " col and needs a column: name the unique key's columns, onConflictDoNothing(\"id\")");
            }
            String column = Objects.requireNonNull(quotedTargets.get(0));
            writer.append(column).append(" = ").append(column);
        }
    }

    /** {@code VALUES(name)}: the row the INSERT proposed, as MariaDB and MySQL (deprecated in 8.0.20, kept) read it. */
    @Override
    public void renderExcluded(SqlWriter writer, String quotedColumn) {
        writer.append("VALUES(").append(quotedColumn).append(")");
    }

    @Override
    public boolean supportsUpdateWhereOnConflict() {
        return false;
    }

    @Override
    public String toString() {
        return server == null ? "MysqlDialect(" + name + ")" : "MysqlDialect(" + server + ")";
    }
}
