package dev.alchemy.orm;

/**
 * An ORM statement about to run, as {@link SessionEvents#ormExecute} sees it: SQLAlchemy's {@code ORMExecuteState}.
 *
 * <pre>{@code
 * public void ormExecute(OrmExecuteState state) {
 *     if (state.model() == Note.class && !state.isRelationshipLoad()) {
 *         state.setStatement(state.statement().orderBy(notes.c("created_at")));
 *     }
 * }
 * }</pre>
 */
public interface OrmExecuteState {

    /** @return the session running it */
    Session session();

    /** @return the statement as it will run (after any change by an earlier listener) */
    EntitySelect<?> statement();

    /**
     * Replaces the statement. The new one must load the same class.
     *
     * @param statement the statement to run instead
     * @throws dev.alchemy.exc.ArgumentError when it loads another class
     */
    void setStatement(EntitySelect<?> statement);

    /** @return the class of the objects the statement loads */
    default Class<?> model() {
        return statement().type();
    }

    /** @return whether it loads objects by primary key for {@code get}, {@code refresh} or an expired object */
    boolean isColumnLoad();

    /** @return whether it loads the objects of a relationship (a lazy or selectin load) */
    boolean isRelationshipLoad();
}
