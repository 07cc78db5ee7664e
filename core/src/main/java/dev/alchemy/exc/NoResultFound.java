package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** A result was required to have exactly one row and had none. */
public class NoResultFound extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public NoResultFound(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public NoResultFound(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
