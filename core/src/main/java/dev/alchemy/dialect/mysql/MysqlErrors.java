package dev.alchemy.dialect.mysql;

import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ProgrammingError;
import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * MySQL's and MariaDB's error numbers mapped to Alchemy's exceptions, following PyMySQL's and mysqlclient's mapping
 * that SQLAlchemy users know, with the SQLSTATE class deciding where the number is not listed. A CHECK constraint
 * that fails is an {@link IntegrityError} here (as on SQLite and PostgreSQL), and so is a missing value for a column
 * without default; a deadlock (1213) or lock wait timeout (1205) is an {@link OperationalError}.
 *
 * <p>The server puts values into some of its messages ({@code Duplicate entry 'alice@example.com' for key 'email'},
 * {@code Incorrect integer value: 'abc' for column ...}). When the engine hides parameters, those values are taken out
 * of the message and of the driver's exception kept as the cause, so that a log of the error shows none of them.
 */
final class MysqlErrors {

    /** Duplicate entry for a unique key. */
    static final int DUP_ENTRY = 1062;
    /** Deadlock found; the transaction was rolled back. */
    static final int LOCK_DEADLOCK = 1213;
    /** Lock wait timeout exceeded (also MariaDB's NOWAIT). */
    static final int LOCK_WAIT_TIMEOUT = 1205;
    /** MySQL 8's NOWAIT: a lock could not be acquired immediately. */
    static final int LOCK_NOWAIT = 3572;

    private static final Set<Integer> INTEGRITY = Set.of(
            DUP_ENTRY, 1022, // duplicate key in table
            1048, // column cannot be null
            1364, // field has no default value (strict mode)
            1216, // no referenced row (old)
            1217, // row is referenced (old)
            1451, // row is referenced: a foreign key fails on delete/update
            1452, // no referenced row: a foreign key fails on insert/update
            1557, // duplicate key on foreign key update
            1586, // duplicate entry (multi-key)
            1761, // foreign duplicate key with child info
            1762, // foreign duplicate key without child info
            3819, // MySQL: check constraint violated
            4025); // MariaDB: CONSTRAINT ... failed

    private static final Set<Integer> DATA = Set.of(
            1171, // primary key column cannot be NULL
            1263, // NULL supplied to NOT NULL column (non-strict)
            1264, // out of range value
            1265, // data truncated
            1292, // incorrect datetime/integer value
            1366, // incorrect string/integer value for column
            1367, // illegal value for type
            1406, // data too long for column
            1441, // datetime function overflow
            1690, // value out of range (arithmetic)
            3140, // MySQL: invalid JSON text
            4038); // MariaDB: syntax error in JSON text

    private static final Set<Integer> PROGRAMMING = Set.of(
            1007, // database exists
            1050, // table exists
            1054, // unknown column
            1060, // duplicate column name
            1061, // duplicate key name
            1064, // parse error
            1091, // can't drop: check that it exists
            1102, // wrong database name
            1103, // wrong table name
            1110, // column specified twice
            1111, // invalid use of group function
            1146, // table does not exist
            1149, // syntax error
            1166, // wrong column name
            1179, // not allowed in a transaction
            1305, // function/procedure does not exist
            1630); // function does not exist (with a hint about the parser)

    /**
     * A quoted value in a server message: after "entry" (1062), "value" or "value:" (1292, 1366, 1367), "text:"
     * (JSON); identifiers (after "key", "column", "for") are left as they are.
     */
    private static final Pattern QUOTED_VALUE = Pattern.compile("(?i)(entry|value:?|text:?) '(?:[^'\\\\]|\\\\.|'')*'");

    private MysqlErrors() {}

    /**
     * @param message a server message
     * @return the message with the values it quotes replaced by {@code '?'}
     */
    static String withoutValues(String message) {
        return QUOTED_VALUE.matcher(message).replaceAll("$1 '?'");
    }

    /**
     * Translates a driver's exception.
     *
     * @param error the driver's exception
     * @param sql the statement, or null
     * @param parameters the bound values, or null when the engine hides them (the values in the server's message
     *     are then hidden too)
     * @return Alchemy's exception
     */
    static DBAPIError translate(SQLException error, @Nullable String sql, @Nullable List<?> parameters) {
        if (parameters == null) {
            SQLException hidden = withoutValues(error);
            if (hidden != error) {
                return translateShown(hidden, sql, null);
            }
        }
        return translateShown(error, sql, parameters);
    }

    /**
     * The driver's exception again, with the values in its message (and in those of its chain) hidden: the same
     * SQLSTATE, error number and standard subclass, and the same stack trace.
     */
    private static SQLException withoutValues(SQLException error) {
        String message = String.valueOf(error.getMessage());
        String hiddenMessage = withoutValues(message);
        SQLException next = error.getNextException();
        SQLException hiddenNext = next == null ? null : withoutValues(next);
        Throwable cause = error.getCause();
        SQLException hiddenCause = cause instanceof SQLException c && cause != next ? withoutValues(c) : null;
        if (hiddenMessage.equals(message) && hiddenNext == next && (hiddenCause == null || hiddenCause == cause)) {
            return error;
        }
        String state = error.getSQLState();
        int code = error.getErrorCode();
        // the cause: hidden when it is an SQLException (often the next exception itself), else kept as it is
        Throwable newCause = hiddenCause != null ? hiddenCause : cause == next && next != null ? hiddenNext : cause;
        SQLException copy;
        if (error instanceof SQLIntegrityConstraintViolationException) {
            copy = new SQLIntegrityConstraintViolationException(hiddenMessage, state, code, newCause);
        } else if (error instanceof SQLDataException) {
            copy = new SQLDataException(hiddenMessage, state, code, newCause);
        } else if (error instanceof SQLSyntaxErrorException) {
            copy = new SQLSyntaxErrorException(hiddenMessage, state, code, newCause);
        } else if (error instanceof SQLTransactionRollbackException) {
            copy = new SQLTransactionRollbackException(hiddenMessage, state, code, newCause);
        } else if (error instanceof SQLTransientConnectionException) {
            copy = new SQLTransientConnectionException(hiddenMessage, state, code, newCause);
        } else if (error instanceof SQLNonTransientConnectionException) {
            copy = new SQLNonTransientConnectionException(hiddenMessage, state, code, newCause);
        } else if (error instanceof BatchUpdateException batch) {
            copy = new BatchUpdateException(hiddenMessage, state, code, batch.getLargeUpdateCounts(), newCause);
        } else {
            copy = new SQLException(hiddenMessage, state, code, newCause);
        }
        copy.setStackTrace(error.getStackTrace());
        if (hiddenNext != null) {
            copy.setNextException(hiddenNext);
        }
        return copy;
    }

    private static DBAPIError translateShown(SQLException error, @Nullable String sql, @Nullable List<?> parameters) {
        SQLException reported = error;
        // a failed batch reports the failure of the batch; the server's reason may be the next exception or cause
        if (error instanceof BatchUpdateException) {
            if (error.getNextException() != null) {
                reported = error.getNextException();
            } else if (error.getCause() instanceof SQLException cause) {
                reported = cause;
            }
        }
        int code = reported.getErrorCode();
        String state = reported.getSQLState() == null ? "" : reported.getSQLState();
        String reason = String.valueOf(reported.getMessage());
        if (INTEGRITY.contains(code)) {
            return new IntegrityError(reason, sql, parameters, error);
        }
        if (DATA.contains(code)) {
            return new DataError(reason, sql, parameters, error);
        }
        if (PROGRAMMING.contains(code)) {
            return new ProgrammingError(reason, sql, parameters, error);
        }
        String kind = state.length() >= 2 ? state.substring(0, 2) : "";
        return switch (kind) {
            case "23" -> new IntegrityError(reason, sql, parameters, error);
            case "22" -> new DataError(reason, sql, parameters, error);
            case "42" -> new ProgrammingError(reason, sql, parameters, error);
            // connection (08), deadlock (40), locks and the server's own HY000 errors, and the rest
            default -> new OperationalError(reason, sql, parameters, error);
        };
    }
}
