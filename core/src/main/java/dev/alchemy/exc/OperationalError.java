package dev.alchemy.exc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The database could not run the statement now: it is locked or busy, unreachable, out of space, or the file cannot be opened. */
public class OperationalError extends DBAPIError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what the database said
     * @param sql the statement, or null
     * @param parameters the bound values, or null when hidden
     * @param cause the driver's exception
     */
    public OperationalError(
            String reason, @Nullable String sql, @Nullable List<?> parameters, @Nullable Throwable cause) {
        super(reason, sql, parameters, cause);
    }
}
