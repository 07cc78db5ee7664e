package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** No connection became free in the pool within the configured connection timeout. */
public class PoolTimeoutError extends AlchemyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public PoolTimeoutError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public PoolTimeoutError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
