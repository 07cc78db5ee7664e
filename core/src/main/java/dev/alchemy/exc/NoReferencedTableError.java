package dev.alchemy.exc;

/** A foreign key refers to a table that is not in the MetaData, like SQLAlchemy's {@code NoReferencedTableError}. */
public class NoReferencedTableError extends InvalidRequestError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the table and column
     */
    public NoReferencedTableError(String message) {
        super(message);
    }
}
