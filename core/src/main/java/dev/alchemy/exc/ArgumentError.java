package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** An argument given to Alchemy is wrong: a malformed URL, an unknown dialect, an invalid option. The message names the bad part. */
public class ArgumentError extends AlchemyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public ArgumentError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public ArgumentError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
