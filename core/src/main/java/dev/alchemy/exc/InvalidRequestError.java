package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** An operation was asked for in a state that does not allow it, such as beginning a transaction twice. */
public class InvalidRequestError extends AlchemyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public InvalidRequestError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public InvalidRequestError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
