package dev.alchemy.orm;

import dev.alchemy.exc.MultipleResultsFound;
import dev.alchemy.exc.NoResultFound;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The objects a query returned, like SQLAlchemy's {@code ScalarResult}.
 *
 * <pre>{@code
 * List<User> users = session.scalars(select(User.class).where(where(User::getName).eq("Alice"))).all();
 * }</pre>
 *
 * @param <T> the type of the objects
 */
public final class ScalarResult<T> implements Iterable<T> {

    private final List<T> items;

    /**
     * @param items the objects, in order
     */
    public ScalarResult(List<T> items) {
        this.items =
                items instanceof dev.alchemy.orm.internal.loading.LoadedList<T> loaded ? loaded : List.copyOf(items);
    }

    /** @return this result, so that {@code session.execute(select(User.class)).scalars().all()} reads as in SQLAlchemy */
    public ScalarResult<T> scalars() {
        return this;
    }

    /**
     * The objects without repeats (by identity), in first-seen order, like SQLAlchemy's {@code .unique()}: needed when
     * a join to a collection repeats the owning rows.
     *
     * @return the unique objects
     */
    public ScalarResult<T> unique() {
        if (items.size() < 2
                || (items instanceof dev.alchemy.orm.internal.loading.LoadedList<T> loaded && loaded.isDistinct())) {
            return this;
        }
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>(items.size()));
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i))) {
                // a repeat: keep the first of each, in order (the common case, no repeats, copies nothing)
                List<T> unique = new java.util.ArrayList<>(items.subList(0, i));
                for (int j = i + 1; j < items.size(); j++) {
                    if (seen.add(items.get(j))) {
                        unique.add(items.get(j));
                    }
                }
                return new ScalarResult<>(unique);
            }
        }
        return this;
    }

    /** @return every object */
    public List<T> all() {
        return items;
    }

    /** @return the first object, or null when there is none */
    public @Nullable T first() {
        return items.isEmpty() ? null : items.get(0);
    }

    /**
     * @return the only object
     * @throws NoResultFound when there is none
     * @throws MultipleResultsFound when there are several
     */
    public T one() {
        if (items.isEmpty()) {
            throw new NoResultFound("no object was found when one was required");
        }
        return java.util.Objects.requireNonNull(oneOrNone());
    }

    /**
     * @return the only object, or null
     * @throws MultipleResultsFound when there are several
     */
    @SuppressWarnings("NullAway")
    public @Nullable T oneOrNone() {
        if (items.size() > 1) {
            throw new MultipleResultsFound(items.size() + " objects were found when one was required");
        }
        return first();
    }

    /**
     * The first object as an {@link Optional}, named as {@link Stream#findFirst()} and JDBI's {@code findFirst()}.
     *
     * @return the first object, or empty when there is none
     */
    public Optional<T> findFirst() {
        return Optional.ofNullable(first());
    }

    /**
     * The only object as an {@link Optional}, named as JDBI's {@code findOne()}: {@link #oneOrNone()} for code that
     * maps or chains the result.
     *
     * @return the only object, or empty when there is none
     * @throws MultipleResultsFound when there are several
     */
    public Optional<T> findOne() {
        return Optional.ofNullable(oneOrNone());
    }

    /** @return the objects as a stream */
    public Stream<T> stream() {
        return items.stream();
    }

    @Override
    public Iterator<T> iterator() {
        return items.iterator();
    }

    @Override
    public String toString() {
        return items.toString();
    }
}
