package dev.alchemy.orm.internal.state;

import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import org.jspecify.annotations.Nullable;

/**
 * A relationship {@code Set}: loads on first access, and keeps the back-reference in step when elements are
 * added or removed.
 *
 * @param <E> the element type
 */
public final class TrackedSet<E> extends AbstractSet<E> implements CollectionState.Tracked {

    private final LinkedHashSet<Object> items = new LinkedHashSet<>();
    private final CollectionState state;

    public TrackedSet(SessionContext session, InstanceState owner, RelationshipProperty relationship) {
        this.state = new CollectionState(session, owner, relationship, items);
    }

    @Override
    public CollectionState state() {
        return state;
    }

    @Override
    public Iterator<E> iterator() {
        state.ensureLoaded();
        Iterator<Object> it = items.iterator();
        return new Iterator<>() {
            private @Nullable Object last;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            @SuppressWarnings("unchecked")
            public E next() {
                last = it.next();
                return (E) last;
            }

            @Override
            public void remove() {
                it.remove();
                if (last != null) {
                    state.removed(last);
                }
            }
        };
    }

    @Override
    public int size() {
        state.ensureLoaded();
        return items.size();
    }

    @Override
    public boolean contains(Object o) {
        state.ensureLoaded();
        return items.contains(o);
    }

    @Override
    public boolean add(E element) {
        state.ensureLoaded();
        boolean added = items.add(element);
        if (added) {
            state.added(element);
        }
        return added;
    }

    @Override
    public boolean remove(Object o) {
        state.ensureLoaded();
        boolean removed = items.remove(o);
        if (removed) {
            state.removed(o);
        }
        return removed;
    }

    @Override
    public String toString() {
        return state.loaded ? items.toString() : "[not loaded: " + state.relationship + "]";
    }
}
