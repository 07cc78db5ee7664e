package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** A session whose flush failed was used again before {@code rollback()}. The original failure is the cause. */
public class PendingRollbackError extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public PendingRollbackError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public PendingRollbackError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
