package dev.alchemy.exc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A value does not fit: too long, out of range, or of the wrong type for its column. */
public class DataError extends DBAPIError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what the database said
     * @param sql the statement, or null
     * @param parameters the bound values, or null when hidden
     * @param cause the driver's exception
     */
    public DataError(String reason, @Nullable String sql, @Nullable List<?> parameters, @Nullable Throwable cause) {
        super(reason, sql, parameters, cause);
    }
}
