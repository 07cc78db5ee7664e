package dev.alchemy.exc;

import dev.alchemy.exc.internal.Excerpt;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The database refused a statement. The message names the SQL and, unless the engine hides them, the
 * parameters, each cut at 2,000 characters (saying how many were cut; a long text value at 300, a {@code byte[]} as
 * its length, an executemany as its first 10 parameter sets); {@link #sql()} and {@link #parameters()} keep them
 * whole. The driver's {@link SQLException} is the cause. Catch a leaf to react to one kind of failure:
 * {@link IntegrityError} (a constraint), {@link OperationalError} (the database could not do it now: locked,
 * busy, unreachable), {@link ProgrammingError} (the statement is wrong: syntax, unknown table),
 * {@link DataError} (a value does not fit).
 */
public class DBAPIError extends AlchemyException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final @Nullable String sql;
    private final transient @Nullable List<?> parameters;

    /**
     * Creates the exception.
     *
     * @param reason what the database said
     * @param sql the statement, or null when the failure was not tied to one (a connect)
     * @param parameters the bound values, or null when hidden or not applicable
     * @param cause the driver's exception
     */
    public DBAPIError(String reason, @Nullable String sql, @Nullable List<?> parameters, @Nullable Throwable cause) {
        super(describe(reason, sql, parameters), cause);
        this.reason = reason;
        this.sql = sql;
        this.parameters = parameters;
    }

    private static String describe(String reason, @Nullable String sql, @Nullable List<?> parameters) {
        StringBuilder text = new StringBuilder(reason);
        if (sql != null) {
            text.append("\n[SQL: ").append(Excerpt.sql(sql)).append(']');
            if (parameters != null && !parameters.isEmpty()) {
                text.append("\n[parameters: ")
                        .append(Excerpt.parameters(parameters))
                        .append(']');
            }
        }
        return text.toString();
    }

    /** @return what the database said, without the SQL and parameters */
    public String reason() {
        return reason;
    }

    /** @return the SQL of the failed statement, or null when the failure was not tied to one */
    public @Nullable String sql() {
        return sql;
    }

    /** @return the bound parameters of the failed statement, or null when hidden or not applicable */
    public @Nullable List<?> parameters() {
        return parameters;
    }

    /** @return the driver's exception, or null when there was none */
    public @Nullable SQLException sqlException() {
        return getCause() instanceof SQLException e ? e : null;
    }
}
