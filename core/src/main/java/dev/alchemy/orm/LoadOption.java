package dev.alchemy.orm;

import dev.alchemy.orm.internal.mapping.Attributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How one relationship loads in one query, and how the relationships of the objects it loads load in turn; made by
 * {@link Load} and chained like SQLAlchemy's {@code selectinload(Owner.pets).selectinload(Pet.visits)}:
 *
 * <pre>{@code
 * List<Owner> owners = session.query(Owner.class)
 *         .options(Load.selectin(Owner::getPets).selectin(Pet::getVisits)) // 3 statements, whatever the number of rows
 *         .all();
 * session.query(Owner.class)
 *         .options(Load.selectin(Owner::getPets).options(Load.selectin(Pet::getVisits), Load.noload(Pet::getType)))
 *         .all();
 * }</pre>
 *
 * <p>A chained option applies to the objects its parent option loads, and to those of them the session already held
 * (an eager option loads their relationship if it is not loaded yet). A query checks that each option applies: the
 * first of a chain must name a relationship of the query's class (or of a superclass), each next one a relationship of
 * the class the previous one loads; otherwise {@code options(...)} fails with an {@link dev.alchemy.exc.ArgumentError}
 * instead of ignoring it.
 *
 * @param model the class that has the relationship
 * @param relationship the relationship's field name
 * @param loading how it loads
 * @param next the options for the relationships of the objects this one loads (empty for none)
 */
public record LoadOption(Class<?> model, String relationship, Loading loading, List<LoadOption> next) {

    /** Checks the arguments. */
    public LoadOption {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(loading, "loading");
        next = List.copyOf(next);
    }

    /**
     * An option with nothing chained.
     *
     * @param model the class that has the relationship
     * @param relationship the relationship's field name
     * @param loading how it loads
     */
    public LoadOption(Class<?> model, String relationship, Loading loading) {
        this(model, relationship, loading, List.of());
    }

    /**
     * Adds options for the relationships of the objects this option loads, side by side (SQLAlchemy's
     * {@code selectinload(Owner.pets).options(selectinload(Pet.visits), raiseload(Pet.toys))}).
     *
     * @param options options on the class this one loads
     * @return the changed copy
     */
    public LoadOption options(LoadOption... options) {
        List<LoadOption> all = new ArrayList<>(next);
        all.addAll(Arrays.asList(options));
        return new LoadOption(model, relationship, loading, all);
    }

    /**
     * Chains an option at the end of this chain (on the objects the last option of the chain loads).
     *
     * @param option the option
     * @return the changed copy
     */
    public LoadOption then(LoadOption option) {
        Objects.requireNonNull(option, "option");
        if (next.isEmpty()) {
            return options(option);
        }
        List<LoadOption> all = new ArrayList<>(next);
        all.set(all.size() - 1, all.get(all.size() - 1).then(option));
        return new LoadOption(model, relationship, loading, all);
    }

    /**
     * @param relationship a getter of a relationship of the class the chain's last option loads, {@code Pet::getVisits}
     * @param <T> that class
     * @return the chain, that relationship loaded by select-IN after it
     */
    public <T> LoadOption selectin(Getter<T, ?> relationship) {
        return then(of(relationship, Loading.SELECTIN));
    }

    /**
     * @param model the class the chain's last option loads
     * @param relationship a relationship's field name on it
     * @return the chain, that relationship loaded by select-IN after it
     */
    public LoadOption selectin(Class<?> model, String relationship) {
        return then(new LoadOption(model, relationship, Loading.SELECTIN));
    }

    /**
     * @param relationship a getter of a relationship of the class the chain's last option loads
     * @param <T> that class
     * @return the chain, that relationship joined into the statement that loads its owners
     */
    public <T> LoadOption joined(Getter<T, ?> relationship) {
        return then(of(relationship, Loading.JOINED));
    }

    /**
     * @param model the class the chain's last option loads
     * @param relationship a relationship's field name on it
     * @return the chain, that relationship joined into the statement that loads its owners
     */
    public LoadOption joined(Class<?> model, String relationship) {
        return then(new LoadOption(model, relationship, Loading.JOINED));
    }

    /**
     * @param relationship a getter of a relationship of the class the chain's last option loads
     * @param <T> that class
     * @return the chain, that relationship loaded on first access
     */
    public <T> LoadOption lazy(Getter<T, ?> relationship) {
        return then(of(relationship, Loading.LAZY));
    }

    /**
     * @param model the class the chain's last option loads
     * @param relationship a relationship's field name on it
     * @return the chain, that relationship loaded on first access
     */
    public LoadOption lazy(Class<?> model, String relationship) {
        return then(new LoadOption(model, relationship, Loading.LAZY));
    }

    /**
     * @param relationship a getter of a collection of the class the chain's last option loads
     * @param <T> that class
     * @return the chain, that collection not loaded and its access refused
     */
    public <T> LoadOption raise(Getter<T, ?> relationship) {
        return then(of(relationship, Loading.RAISE));
    }

    /**
     * @param model the class the chain's last option loads
     * @param relationship a collection's field name on it
     * @return the chain, that collection not loaded and its access refused
     */
    public LoadOption raise(Class<?> model, String relationship) {
        return then(new LoadOption(model, relationship, Loading.RAISE));
    }

    /**
     * @param relationship a getter of a relationship of the class the chain's last option loads
     * @param <T> that class
     * @return the chain, that relationship not loaded (empty collection, null reference)
     */
    public <T> LoadOption noload(Getter<T, ?> relationship) {
        return then(of(relationship, Loading.NOLOAD));
    }

    /**
     * @param model the class the chain's last option loads
     * @param relationship a relationship's field name on it
     * @return the chain, that relationship not loaded
     */
    public LoadOption noload(Class<?> model, String relationship) {
        return then(new LoadOption(model, relationship, Loading.NOLOAD));
    }

    static LoadOption of(Getter<?, ?> getter, Loading loading) {
        Attributes.Property p = Attributes.property(getter);
        return new LoadOption(p.owner(), p.name(), loading);
    }
}
