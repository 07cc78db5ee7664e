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
    record RowShape(List<String> keys, Map<String, Integer> index, EngineDialect dialect) {

        static RowShape of(List<String> keys, EngineDialect dialect) {
            Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = keys.size() - 1; i >= 0; i--) {
                index.put(keys.get(i), i); // the first of duplicate names wins
            }
            return new RowShape(List.copyOf(keys), index, dialect);
        }

        int indexOf(String key) {
            Integer i = index.get(key);
            if (i == null) {
                for (int k = 0; k < keys.size(); k++) {
                    if (keys.get(k).equalsIgnoreCase(key)) {
                        return k;
                    }
                }
                throw new InvalidRequestError("no column '" + key + "' in row; columns: " + keys);
            }
            return i;
        }
    }
}
