package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** An UPDATE or DELETE of an object matched no row: another transaction changed its version or deleted it since it was loaded (optimistic locking). */
public class StaleDataError extends AlchemyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public StaleDataError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public StaleDataError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
