package dev.alchemy.exc;

/** A foreign key refers to a column its table does not have, like SQLAlchemy's {@code NoReferencedColumnError}. */
public class NoReferencedColumnError extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the table and column
     */
    public NoReferencedColumnError(String message) {
        super(message);
    }
}
