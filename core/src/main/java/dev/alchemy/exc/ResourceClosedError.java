package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** An engine, connection, result or session was used after it was closed. */
public class ResourceClosedError extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public ResourceClosedError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public ResourceClosedError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
