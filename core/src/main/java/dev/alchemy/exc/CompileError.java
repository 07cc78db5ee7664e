package dev.alchemy.exc;

/**
 * A statement cannot be compiled into SQL for the dialect at hand, like SQLAlchemy's {@code CompileError}: an UPDATE
 * without values, RETURNING on a database without it, an upsert the database cannot express. The message names the
 * statement's table and what to change.
 */
public class CompileError extends AlchemyException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what cannot be compiled, in the user's terms
     */
    public CompileError(String message) {
        super(message);
    }
}
