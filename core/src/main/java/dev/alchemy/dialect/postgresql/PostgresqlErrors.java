package dev.alchemy.dialect.postgresql;

import dev.alchemy.exc.DBAPIError;
import dev.alchemy.exc.DataError;
import dev.alchemy.exc.IntegrityError;
import dev.alchemy.exc.OperationalError;
import dev.alchemy.exc.ProgrammingError;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's SQLSTATE classes mapped to Alchemy's exceptions, following psycopg's mapping that SQLAlchemy users
 * know (except that psycopg's InternalError and NotSupportedError have no leaf here: an aborted transaction is an
 * {@link OperationalError}, an unsupported feature a {@link ProgrammingError}).
 */
final class PostgresqlErrors {

    /** SQLSTATE of a statement sent to a transaction that an earlier failed statement aborted. */
    static final String IN_FAILED_SQL_TRANSACTION = "25P02";

    private PostgresqlErrors() {}

    static DBAPIError translate(SQLException error, @Nullable String sql, @Nullable List<?> parameters) {
        SQLException reported = error;
        // a failed batch reports "Batch entry 2 ... was aborted"; the server's reason is the next exception
        if (error instanceof BatchUpdateException && error.getNextException() != null) {
            reported = error.getNextException();
        }
        String state = reported.getSQLState() == null ? "" : reported.getSQLState();
        String reason = String.valueOf(reported.getMessage());
        if (state.equals(IN_FAILED_SQL_TRANSACTION)) {
            reason += "\n(an earlier statement of this transaction failed, and PostgreSQL then refuses every "
                    + "statement until the transaction ends: call rollback() before going on, or run a statement "
                    + "that may fail inside beginNested() and roll back to that savepoint when it fails)";
        }
        String kind = state.length() >= 2 ? state.substring(0, 2) : "";
        return switch (kind) {
            case "23" -> new IntegrityError(reason, sql, parameters, error);
            case "22" -> new DataError(reason, sql, parameters, error);
            // syntax/access (42), unsupported feature (0A), cardinality (21), bad statement/cursor/database/schema
            // names (26, 34, 3D, 3F), WITH CHECK OPTION (44)
            case "42", "0A", "21", "26", "34", "3D", "3F", "44" -> new ProgrammingError(reason, sql, parameters, error);
            // connection (08), transaction state (25, 2D, 40: serialization failure, deadlock), resources (53, 54),
            // locks (55), cancel/shutdown (57), system (58), internal (XX), authorization (28) and the rest
            default -> new OperationalError(reason, sql, parameters, error);
        };
    }
}
