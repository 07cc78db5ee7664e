package dev.alchemy.exc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The statement itself is wrong: a syntax error, an unknown table or column, a wrong number of parameters. */
public class ProgrammingError extends DBAPIError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what the database said
     * @param sql the statement, or null
     * @param parameters the bound values, or null when hidden
     * @param cause the driver's exception
     */
    public ProgrammingError(
            String reason, @Nullable String sql, @Nullable List<?> parameters, @Nullable Throwable cause) {
        super(reason, sql, parameters, cause);
    }
}
