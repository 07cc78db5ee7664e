package dev.alchemy.orm.internal.state;

import dev.alchemy.orm.internal.mapping.RelationshipProperty;
import java.util.AbstractList;
import java.util.ArrayList;

/**
 * A relationship {@code List}: loads on first access, and keeps the back-reference in step when elements are
 * added or removed.
 *
 * @param <E> the element type
 */
public final class TrackedList<E> extends AbstractList<E> implements CollectionState.Tracked {

    private final ArrayList<Object> items = new ArrayList<>();
    private final CollectionState state;

    public TrackedList(SessionContext session, InstanceState owner, RelationshipProperty relationship) {
        this.state = new CollectionState(session, owner, relationship, items);
    }

    @Override
    public CollectionState state() {
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        state.ensureLoaded();
        return (E) items.get(index);
    }

    @Override
    public int size() {
        state.ensureLoaded();
        return items.size();
    }

    @Override
    public void add(int index, E element) {
        state.ensureLoaded();
        items.add(index, element);
        modCount++;
        state.added(element);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E set(int index, E element) {
        state.ensureLoaded();
        E old = (E) items.set(index, element);
        if (old != element) {
            state.removed(old);
            state.added(element);
        }
        return old;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E remove(int index) {
        state.ensureLoaded();
        E old = (E) items.remove(index);
        modCount++;
        state.removed(old);
        return old;
    }

    @Override
    public String toString() {
        return state.loaded ? items.toString() : "[not loaded: " + state.relationship + "]";
    }
}
