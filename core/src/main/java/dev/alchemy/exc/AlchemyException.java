package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception Alchemy raises. It is unchecked: catch the leaf that names what failed
 * ({@link IntegrityError}, {@link ArgumentError}, ...) or this root to catch them all.
 */
public abstract class AlchemyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, in the user's terms
     */
    protected AlchemyException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception, kept for the stack trace
     */
    protected AlchemyException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
