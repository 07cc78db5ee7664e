package dev.alchemy.exc;

import org.jspecify.annotations.Nullable;

/** A model class cannot be mapped: no primary key, an unsupported field type, a duplicate table, a foreign key to an unknown table. The message names the class and field. */
public class MappingError extends ArgumentError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, in the user's terms
     */
    public MappingError(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, in the user's terms
     * @param cause the underlying exception
     */
    public MappingError(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
