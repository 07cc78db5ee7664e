package dev.alchemy.engine.internal;

import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.InvalidRequestError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A row backed by an array, sharing its column names with the other rows of its result. */
final class DefaultRow implements Row {

    private final RowShape shape;
    private final @Nullable Object[] values;

    DefaultRow(RowShape shape, @Nullable Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    @Override
    public @Nullable Object get(int index) {
        return values[index];
    }

    @Override
    public @Nullable Object get(String key) {
        return values[shape.indexOf(key)];
    }

    @Override
    public <T> @Nullable T get(String key, Class<T> type) {
        return shape.dialect().convert(get(key), type);
    }

    @Override
    public <T> @Nullable T get(int index, Class<T> type) {
        return shape.dialect().convert(get(index), type);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public List<String> keys() {
        return shape.keys();
    }

    @Override
    public Map<String, @Nullable Object> asMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(shape.keys().get(i), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DefaultRow other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object v = values[i];
            text.append(v instanceof String s ? "'" + s + "'" : String.valueOf(v));
        }
        return text.append(values.length == 1 ? ",)" : ")").toString();
    }

    /** The column names of a result, with a lookup by name. */
    /**
     * The keys of a result's rows, shared by them. A row of a few columns finds a key by comparing them in turn; a
     * wider one through an index built on the first lookup by name, so a result read by position builds none.
     */
    static final class RowShape {
        /** Up to this many columns, a linear search is as fast as a hash lookup and costs nothing to set up. */
        private static final int SCAN = 8;

        private final List<String> keys;
        private final EngineDialect dialect;
        /** Key to position, the first of duplicate keys winning; immutable, so safe to publish without locking. */
        private @Nullable Map<String, Integer> index;

        private RowShape(List<String> keys, EngineDialect dialect) {
            this.keys = keys;
            this.dialect = dialect;
        }

        static RowShape of(String[] keys, EngineDialect dialect) {
            return new RowShape(List.of(keys), dialect);
        }

        List<String> keys() {
            return keys;
        }

        EngineDialect dialect() {
            return dialect;
        }

        int indexOf(String key) {
            int i = exactIndexOf(key);
            if (i < 0) {
                for (int k = 0; k < keys.size(); k++) {
                    if (keys.get(k).equalsIgnoreCase(key)) {
                        return k;
                    }
                }
                throw new InvalidRequestError("no column '" + key + "' in row; columns: " + keys);
            }
            return i;
        }

        private int exactIndexOf(String key) {
            if (keys.size() <= SCAN) {
                return keys.indexOf(key);
            }
            Map<String, Integer> map = index;
            if (map == null) {
                Map<String, Integer> built = new java.util.HashMap<>();
                for (int i = keys.size() - 1; i >= 0; i--) {
                    built.put(keys.get(i), i); // the first of duplicate names wins
                }
                map = Map.copyOf(built);
                index = map;
            }
            Integer i = map.get(key);
            return i == null ? -1 : i;
        }
    }
}
