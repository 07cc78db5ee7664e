package dev.alchemy.exc;

/** A table asked for by name does not exist in the database, like SQLAlchemy's {@code NoSuchTableError}. */
public class NoSuchTableError extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the table and column
     */
    public NoSuchTableError(String message) {
        super(message);
    }
}
