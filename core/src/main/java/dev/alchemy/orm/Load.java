package dev.alchemy.orm;

/**
 * Loader options for one query, like SQLAlchemy's {@code selectinload}, {@code joinedload}, {@code lazyload},
 * {@code raiseload} and {@code noload}, named by getter method reference or by field name.
 *
 * <pre>{@code
 * session.query(User.class).options(Load.selectin(User::getAddresses)).all();     // 2 statements for any number of users
 * session.scalars(select(User.class).options(Load.raise(User::getAddresses)));    // access fails instead of querying
 * session.query(Owner.class).options(Load.selectin(Owner::getPets).selectin(Pet::getVisits)).all(); // a chain: 3 statements
 * }</pre>
 *
 * <p>Options are checked when given: one that names a relationship of another class than the query's (or, chained,
 * than the class the previous option loads) fails with an {@link dev.alchemy.exc.ArgumentError}, as SQLAlchemy's
 * "does not apply to any of the root entities" does. See {@link LoadOption} for chains.
 */
public final class Load {

    private Load() {}

    /**
     * @param relationship a getter of a relationship, {@code User::getAddresses}
     * @param <T> the class
     * @return load it right after the owners in one more statement ({@code WHERE fk IN (...)})
     */
    public static <T> LoadOption selectin(Getter<T, ?> relationship) {
        return of(relationship, Loading.SELECTIN);
    }

    /**
     * @param model the class
     * @param relationship the relationship's field name
     * @return load it right after the owners in one more statement
     */
    public static LoadOption selectin(Class<?> model, String relationship) {
        return new LoadOption(model, relationship, Loading.SELECTIN);
    }

    /**
     * @param relationship a getter of a relationship
     * @param <T> the class
     * @return load it in the same statement as the owners, with a LEFT OUTER JOIN
     */
    public static <T> LoadOption joined(Getter<T, ?> relationship) {
        return of(relationship, Loading.JOINED);
    }

    /**
     * @param model the class
     * @param relationship the relationship's field name
     * @return load it in the same statement as the owners
     */
    public static LoadOption joined(Class<?> model, String relationship) {
        return new LoadOption(model, relationship, Loading.JOINED);
    }

    /**
     * @param relationship a getter of a relationship
     * @param <T> the class
     * @return load it on first access, for all owners of the query at once
     */
    public static <T> LoadOption lazy(Getter<T, ?> relationship) {
        return of(relationship, Loading.LAZY);
    }

    /**
     * @param model the class
     * @param relationship the relationship's field name
     * @return load it on first access, for all owners of the query at once
     */
    public static LoadOption lazy(Class<?> model, String relationship) {
        return new LoadOption(model, relationship, Loading.LAZY);
    }

    /**
     * @param relationship a getter of a collection relationship
     * @param <T> the class
     * @return do not load it; accessing the collection fails with a message
     */
    public static <T> LoadOption raise(Getter<T, ?> relationship) {
        return of(relationship, Loading.RAISE);
    }

    /**
     * @param model the class
     * @param relationship the relationship's field name
     * @return do not load it; accessing the collection fails
     */
    public static LoadOption raise(Class<?> model, String relationship) {
        return new LoadOption(model, relationship, Loading.RAISE);
    }

    /**
     * @param relationship a getter of a relationship
     * @param <T> the class
     * @return do not load it: empty collection, null reference
     */
    public static <T> LoadOption noload(Getter<T, ?> relationship) {
        return of(relationship, Loading.NOLOAD);
    }

    /**
     * @param model the class
     * @param relationship the relationship's field name
     * @return do not load it
     */
    public static LoadOption noload(Class<?> model, String relationship) {
        return new LoadOption(model, relationship, Loading.NOLOAD);
    }

    private static LoadOption of(Getter<?, ?> getter, Loading loading) {
        return LoadOption.of(getter, loading);
    }
}
