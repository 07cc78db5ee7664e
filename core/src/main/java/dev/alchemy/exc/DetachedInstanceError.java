package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** An operation needs the object's session, but the object is detached from it (its session was closed or it was expunged). */
public class DetachedInstanceError extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public DetachedInstanceError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public DetachedInstanceError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
