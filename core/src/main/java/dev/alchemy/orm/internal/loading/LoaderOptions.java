package dev.alchemy.orm.internal.loading;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.LoadOption;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The loader options that apply to one class's objects in one load, by relationship name, with the options chained
 * after each (SQLAlchemy's loader option paths, {@code selectinload(Owner.pets).selectinload(Pet.visits)}).
 */
public final class LoaderOptions {

    /** No options: every relationship loads as it is mapped. */
    public static final LoaderOptions NONE = new LoaderOptions(Map.of());

    private final Map<String, LoadOption> byName;

    private LoaderOptions(Map<String, LoadOption> byName) {
        this.byName = byName;
    }

    /**
     * @param options options already checked to apply to one class ({@link #check})
     * @return them by relationship name (a later option for the same relationship wins)
     */
    public static LoaderOptions of(List<LoadOption> options) {
        if (options.isEmpty()) {
            return NONE;
        }
        Map<String, LoadOption> byName = new HashMap<>();
        for (LoadOption o : options) {
            byName.put(o.relationship(), o);
        }
        return new LoaderOptions(byName);
    }

    /**
     * @param relationship a relationship's name
     * @param loading how it is to load instead
     * @return these options with that relationship loading so, its chained options kept
     */
    public LoaderOptions with(String relationship, Loading loading) {
        Map<String, LoadOption> changed = new HashMap<>(byName);
        LoadOption old = byName.get(relationship);
        changed.put(
                relationship,
                new LoadOption(
                        old == null ? Object.class : old.model(),
                        relationship,
                        loading,
                        old == null ? List.of() : old.next()));
        return new LoaderOptions(changed);
    }

    /** @return whether there is none */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * @param relationship a relationship's name
     * @return how an option says it loads, or null when none does
     */
    public @Nullable Loading loading(String relationship) {
        LoadOption o = byName.get(relationship);
        return o == null ? null : o.loading();
    }

    /**
     * @param relationship a relationship's name
     * @return the options chained after its option, for the objects it loads
     */
    public List<LoadOption> next(String relationship) {
        LoadOption o = byName.get(relationship);
        return o == null ? List.of() : o.next();
    }

    /**
     * Checks that an option applies to a query of a class: it names a relationship of that class (or of a superclass
     * of it), and each option chained after it a relationship of the class the one before loads. SQLAlchemy raises
     * the same way ("does not apply to any of the root entities in this query"); ignoring the option would load
     * otherwise than the code says.
     *
     * @param root the queried class
     * @param option the option
     * @throws ArgumentError when it does not apply
     */
    public static void check(Mapper<?> root, LoadOption option) {
        if (!option.model().isAssignableFrom(root.type)) {
            throw new ArgumentError("the loader option for " + name(option) + " does not apply to a query of "
                    + root.type.getSimpleName() + ": it names a relationship of "
                    + option.model().getSimpleName()
                    + ". Give the options of a query of " + root.type.getSimpleName() + " for its relationships, "
                    + "and chain options for the related classes after them, as in Load.selectin(Owner::getPets)"
                    + ".selectin(Pet::getVisits)");
        }
        checkChain(loadable(root.relationship(option.relationship())), option.next());
    }

    /** A write-only collection is never loaded, so no loader option names it. */
    private static RelationshipProperty loadable(RelationshipProperty r) {
        if (r.writeOnly) {
            throw new ArgumentError(r + " is a WriteOnlyCollection: it is never loaded, so it takes no loader option; "
                    + "read its children with " + r.name + ".select()");
        }
        return r;
    }

    private static void checkChain(RelationshipProperty parent, List<LoadOption> next) {
        if (next.isEmpty()) {
            return;
        }
        parent.resolve();
        Mapper<?> target = parent.target;
        for (LoadOption o : next) {
            if (!o.model().isAssignableFrom(target.type)) {
                throw new ArgumentError("the loader option for " + name(o) + " does not follow the one for "
                        + parent.owner.type.getSimpleName() + "." + parent.name + ", which loads "
                        + target.type.getSimpleName() + " objects: chain options for "
                        + target.type.getSimpleName() + "'s relationships after it");
            }
            checkChain(loadable(target.relationship(o.relationship())), o.next());
        }
    }

    private static String name(LoadOption o) {
        return o.model().getSimpleName() + "." + o.relationship();
    }
}
