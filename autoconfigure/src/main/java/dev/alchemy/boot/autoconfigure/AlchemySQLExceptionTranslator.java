package dev.alchemy.boot.autoconfigure;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.support.AbstractFallbackSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.util.ClassUtils;

/**
 * Spring's JDBC exception translation, taught SQLite. The SQLite driver reports no SQLState, and Spring's
 * {@code sql-error-codes.xml} has no SQLite entry, so without this every SQLite error reaches a
 * {@code JdbcTemplate} user as {@code UncategorizedSQLException}. This translator reads SQLite's (extended) result
 * codes and leaves every other database to Spring's own translator, the one {@code JdbcTemplate} would use.
 *
 * <table>
 * <caption>What SQLite errors become</caption>
 * <tr><th>SQLite result code</th><th>exception</th></tr>
 * <tr><td>CONSTRAINT_PRIMARYKEY (1555), CONSTRAINT_UNIQUE (2067)</td><td>{@link DuplicateKeyException}</td></tr>
 * <tr><td>any other CONSTRAINT (19: NOT NULL, FOREIGN KEY, CHECK, ...), TOOBIG, MISMATCH</td>
 * <td>{@link DataIntegrityViolationException}</td></tr>
 * <tr><td>BUSY (5), LOCKED (6) and their extended codes</td><td>{@link CannotAcquireLockException}</td></tr>
 * <tr><td>ERROR (1) for a syntax error or an unknown table, column or function</td>
 * <td>{@link BadSqlGrammarException}</td></tr>
 * <tr><td>PERM, READONLY, AUTH</td><td>{@link PermissionDeniedDataAccessException}</td></tr>
 * <tr><td>IOERR, CORRUPT, FULL, CANTOPEN, NOTADB</td><td>{@link DataAccessResourceFailureException}</td></tr>
 * </table>
 *
 * <p>PostgreSQL's deadlock ({@code 40P01}) and lock-not-available ({@code 55P03}) become
 * {@link CannotAcquireLockException} too; its other SQLStates are translated by Spring as usual.
 *
 * <p>MySQL's and MariaDB's error numbers (from either driver), as Spring's {@code sql-error-codes.xml} lists them
 * for these databases, so that the translation does not depend on which driver classes the server's error came in:
 *
 * <table>
 * <caption>What MySQL and MariaDB errors become</caption>
 * <tr><th>error number</th><th>exception</th></tr>
 * <tr><td>1062 (duplicate entry), 1586</td><td>{@link DuplicateKeyException}</td></tr>
 * <tr><td>1451, 1452 (foreign key), 1048 (NULL), 1364 (no default), 3819, 4025 (CHECK), 1406 (too long),
 * 1264 (out of range), 1366, 1292 (incorrect value), 1265 (truncated)</td>
 * <td>{@link DataIntegrityViolationException}</td></tr>
 * <tr><td>1205 (lock wait timeout, and MariaDB's NOWAIT), 3572 (MySQL's NOWAIT), 1213 (deadlock)</td>
 * <td>{@link CannotAcquireLockException}</td></tr>
 * <tr><td>1054, 1064, 1146 and other unknown or wrong names</td><td>{@link BadSqlGrammarException}</td></tr>
 * </table>
 *
 * <p>The auto-configuration registers one as a bean, which Boot's {@code JdbcTemplate} and
 * {@code JdbcTransactionManager} pick up.
 */
public class AlchemySQLExceptionTranslator extends AbstractFallbackSQLExceptionTranslator {

    private static final boolean SQLITE_DRIVER_PRESENT =
            ClassUtils.isPresent("org.sqlite.SQLiteException", AlchemySQLExceptionTranslator.class.getClassLoader());

    private static final Set<Integer> DUPLICATE_KEY = Set.of(1555, 2067);
    private static final Set<Integer> DATA_INTEGRITY = Set.of(19, 18, 20);
    private static final Set<Integer> LOCK = Set.of(5, 6);
    private static final Set<Integer> PERMISSION = Set.of(3, 8, 23);
    private static final Set<Integer> RESOURCE = Set.of(10, 11, 13, 14, 26);
    private static final Set<String> BAD_GRAMMAR_MESSAGES = Set.of(
            "syntax error",
            "no such table",
            "no such column",
            "no such function",
            "already exists",
            "has no column named",
            "ambiguous column name");
    private static final Set<String> POSTGRESQL_LOCK_STATES = Set.of("40P01", "55P03");

    private static final Set<Integer> MYSQL_DUPLICATE_KEY = Set.of(1062, 1586);
    private static final Set<Integer> MYSQL_DATA_INTEGRITY =
            Set.of(1451, 1452, 1216, 1217, 1048, 1364, 3819, 4025, 1406, 1264, 1366, 1292, 1265, 1690);
    private static final Set<Integer> MYSQL_LOCK = Set.of(1205, 1213, 3572);
    private static final Set<Integer> MYSQL_BAD_GRAMMAR =
            Set.of(1054, 1064, 1146, 1149, 1109, 1110, 1166, 1305, 1630, 1050, 1060, 1061, 1091);

    /** Creates a translator that falls back to Spring's default translator for errors not from SQLite. */
    public AlchemySQLExceptionTranslator() {
        this(null);
    }

    /**
     * Creates a translator whose fallback honours a {@code sql-error-codes.xml} at the class path root, as
     * {@code JdbcTemplate} does for this data source.
     *
     * @param dataSource the data source, or null
     */
    public AlchemySQLExceptionTranslator(@Nullable DataSource dataSource) {
        if (dataSource != null && new ClassPathResource(SQLErrorCodesFactory.SQL_ERROR_CODE_OVERRIDE_PATH).exists()) {
            setFallbackTranslator(new SQLErrorCodeSQLExceptionTranslator(dataSource));
        } else {
            setFallbackTranslator(new SQLExceptionSubclassTranslator());
        }
    }

    @Override
    protected @Nullable DataAccessException doTranslate(String task, @Nullable String sql, SQLException ex) {
        Integer code = sqliteResultCode(ex);
        if (code != null) {
            return translateSqlite(code, task, sql, ex);
        }
        if (ex.getSQLState() != null && POSTGRESQL_LOCK_STATES.contains(ex.getSQLState())) {
            return new CannotAcquireLockException(buildMessage(task, sql, ex), ex);
        }
        SQLException mysql = mysqlError(ex);
        if (mysql != null) {
            return translateMysql(mysql.getErrorCode(), task, sql, ex);
        }
        return null;
    }

    private @Nullable DataAccessException translateMysql(int code, String task, @Nullable String sql, SQLException ex) {
        if (MYSQL_DUPLICATE_KEY.contains(code)) {
            return new DuplicateKeyException(buildMessage(task, sql, ex), ex);
        }
        if (MYSQL_DATA_INTEGRITY.contains(code)) {
            return new DataIntegrityViolationException(buildMessage(task, sql, ex), ex);
        }
        if (MYSQL_LOCK.contains(code)) {
            return new CannotAcquireLockException(buildMessage(task, sql, ex), ex);
        }
        if (MYSQL_BAD_GRAMMAR.contains(code)) {
            return new BadSqlGrammarException(task, sql != null ? sql : "", ex);
        }
        return null;
    }

    /**
     * The exception (or, for a failed batch, the one it wraps) that a MySQL or MariaDB driver raised for a server
     * error, or null. Told by where it was made: MariaDB Connector/J raises the JDK's own SQLException subclasses,
     * from its {@code org.mariadb.jdbc} package; MySQL Connector/J from {@code com.mysql}. Alchemy's copy of such an
     * exception with the values taken out of its message (hidden parameters) keeps that stack trace.
     */
    static @Nullable SQLException mysqlError(SQLException ex) {
        SQLException current = ex;
        for (int depth = 0; current != null && depth < 4; depth++) {
            if (current.getErrorCode() > 0 && fromMysqlDriver(current)) {
                return current;
            }
            current = current.getNextException() != null
                    ? current.getNextException()
                    : current.getCause() instanceof SQLException cause ? cause : null;
        }
        return null;
    }

    private static boolean fromMysqlDriver(SQLException ex) {
        if (isMysqlDriverClass(ex.getClass().getName())) {
            return true;
        }
        StackTraceElement[] trace = ex.getStackTrace();
        return trace.length > 0 && isMysqlDriverClass(trace[0].getClassName());
    }

    private static boolean isMysqlDriverClass(String name) {
        return name.startsWith("org.mariadb.jdbc.") || name.startsWith("com.mysql.");
    }

    private @Nullable DataAccessException translateSqlite(
            int code, String task, @Nullable String sql, SQLException ex) {
        int primary = code & 0xff;
        String message = buildMessage(task, sql, ex);
        if (DUPLICATE_KEY.contains(code)) {
            return new DuplicateKeyException(message, ex);
        }
        if (DATA_INTEGRITY.contains(primary)) {
            return new DataIntegrityViolationException(message, ex);
        }
        if (LOCK.contains(primary)) {
            return new CannotAcquireLockException(message, ex);
        }
        if (primary == 1 && isBadGrammar(ex)) {
            return new BadSqlGrammarException(task, sql != null ? sql : "", ex);
        }
        if (PERMISSION.contains(primary)) {
            return new PermissionDeniedDataAccessException(message, ex);
        }
        if (RESOURCE.contains(primary)) {
            return new DataAccessResourceFailureException(message, ex);
        }
        return null;
    }

    private static boolean isBadGrammar(SQLException ex) {
        String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
        return BAD_GRAMMAR_MESSAGES.stream().anyMatch(message::contains);
    }

    /**
     * The SQLite result code of an exception from the SQLite driver (the extended code when the driver knows it),
     * or null when the exception did not come from SQLite.
     */
    static @Nullable Integer sqliteResultCode(SQLException ex) {
        if (!SQLITE_DRIVER_PRESENT) {
            return null;
        }
        // a batch failure wraps the driver's exception
        SQLException current = ex;
        for (int depth = 0; current != null && depth < 4; depth++) {
            Integer code = SqliteCodes.resultCode(current);
            if (code != null) {
                return code;
            }
            current = current.getCause() instanceof SQLException cause ? cause : current.getNextException();
        }
        return null;
    }

    /** Touches the SQLite driver's classes only when they are on the class path. */
    private static final class SqliteCodes {

        static @Nullable Integer resultCode(SQLException ex) {
            if (ex instanceof org.sqlite.SQLiteException sqlite) {
                int extended = sqlite.getResultCode().code;
                return extended >= 0 ? extended : ex.getErrorCode();
            }
            return null;
        }
    }
}
