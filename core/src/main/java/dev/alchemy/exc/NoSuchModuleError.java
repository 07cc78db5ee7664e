package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** The JDBC driver a URL needs is not on the classpath. The message names the Maven artifact to add. */
public class NoSuchModuleError extends ArgumentError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public NoSuchModuleError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public NoSuchModuleError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
