package dev.alchemy.orm.internal.flush;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One row's parameters in a flush's executemany: the names are the statement's, shared by every row of the group,
 * and the values an array by position. A flush of 5,000 UPDATEs made a {@link java.util.HashMap} per row, whose
 * table and hashing were a measurable part of the UPDATE; the connection looks a handful of names up here by a
 * scan, comparing the very name strings the statement was built with first.
 */
final class RowParameters extends AbstractMap<String, @Nullable Object> {

    private final String[] names;
    private final @Nullable Object[] values;

    /** @param names the parameter names of the group's statement, not copied: every row of the group shares them */
    RowParameters(String[] names) {
        this.names = names;
        this.values = new Object[names.length];
    }

    /** Sets the value of the parameter at this position of the names. */
    void set(int position, @Nullable Object value) {
        values[position] = value;
    }

    private int indexOf(@Nullable Object name) {
        String[] n = names;
        for (int i = 0; i < n.length; i++) {
            if (n[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < n.length; i++) {
            if (n[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public @Nullable Object get(@Nullable Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(@Nullable Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, @Nullable Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, @Nullable Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, @Nullable Object> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
