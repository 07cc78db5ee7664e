package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** A result was required to have at most one row and had more. */
public class MultipleResultsFound extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public MultipleResultsFound(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public MultipleResultsFound(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
