package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** A class that is not a mapped model (no {@code @Table}) was given where a model is required. */
public class UnmappedClassError extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public UnmappedClassError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public UnmappedClassError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
