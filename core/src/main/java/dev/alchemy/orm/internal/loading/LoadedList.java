package dev.alchemy.orm.internal.loading;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The unmodifiable list of objects a session's query built: handed to {@link dev.alchemy.orm.ScalarResult} without
 * another copy, and knowing whether it can hold an object twice (only when a row resolved to an object the session
 * already held, e.g. a join that repeats its owner), so that {@code unique()} needs no identity set otherwise.
 *
 * @param <T> the type of the objects
 */
public final class LoadedList<T> extends AbstractList<T> implements RandomAccess {

    private final List<T> items;
    private final boolean distinct;

    public LoadedList(List<T> items, boolean distinct) {
        this.items = items;
        this.distinct = distinct;
    }

    /** @return true when no object appears twice */
    public boolean isDistinct() {
        return distinct;
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
