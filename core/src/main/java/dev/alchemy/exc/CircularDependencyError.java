package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/**
 * A flush found new objects whose rows refer to each other in a cycle, so no order of INSERTs can set every foreign
 * key (SQLAlchemy's {@code CircularDependencyError}). Nothing was written. Break the cycle by marking one of the
 * relationships {@code @Relationship(postUpdate = true)} (its key is then written by an UPDATE after the rows are
 * inserted), or flush one object before setting the reference that closes the cycle.
 */
public class CircularDependencyError extends AlchemyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the classes and relationships of the cycle
     */
    public CircularDependencyError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public CircularDependencyError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
