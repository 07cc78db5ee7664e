package dev.alchemy.engine.internal;

import dev.alchemy.engine.EngineDialect;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.AlchemyException;
import dev.alchemy.exc.DataError;
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
        return get(shape.indexOf(key), type);
    }

    @Override
    public <T> @Nullable T get(int index, Class<T> type) {
        return shape.convert(values[index], type, index);
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

    /**
     * The error for a value that cannot be converted to the type a caller asked for.
     *
     * @param e what the conversion raised
     * @param column the column, for the message
     * @param value the value
     * @param type the type asked for
     * @return a {@link DataError} naming the column
     */
    static DataError unconvertible(RuntimeException e, String column, @Nullable Object value, Class<?> type) {
        String why = e instanceof AlchemyException
                ? e.getMessage()
                : "cannot convert " + value + " to " + type.getSimpleName() + ": " + e;
        return new DataError("cannot read column " + column + ": " + why, null, null, e);
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

    /**
     * The keys of a result's rows, shared by them. A row of a few columns finds a key by comparing them in turn; a
     * wider one through an index built on the first lookup by name, so a result read by position builds none.
     */
    static final class RowShape {
        /** Up to this many columns, a linear search is as fast as a hash lookup and costs nothing to set up. */
        private static final int SCAN = 8;

        private final List<String> keys;
        /** {@code table.column} per column where known, for messages. */
        private final @Nullable String[] sources;

        private final EngineDialect dialect;
        /** Key to position, the first of duplicate keys winning; immutable, so safe to publish without locking. */
        private @Nullable Map<String, Integer> index;

        private RowShape(List<String> keys, @Nullable String[] sources, EngineDialect dialect) {
            this.keys = keys;
            this.sources = sources;
            this.dialect = dialect;
        }

        static RowShape of(String[] keys, EngineDialect dialect) {
            return new RowShape(List.of(keys), new String[keys.length], dialect);
        }

        static RowShape of(String[] keys, @Nullable String[] sources, EngineDialect dialect) {
            return new RowShape(List.of(keys), sources, dialect);
        }

        /** @return column {@code i} for messages: {@code table.column} when known, else its key */
        String describe(int i) {
            String source = sources[i];
            return source != null ? source : keys.get(i);
        }

        /**
         * Converts a value of column {@code i} to the type a caller asks for; a value that does not fit (5000000000
         * as an {@code Integer}, 2.75 as a {@code Long}, {@code 'abc'} as a number) is a {@link DataError} naming
         * the column.
         */
        <T> @Nullable T convert(@Nullable Object value, Class<T> type, int i) {
            try {
                return dialect.convert(value, type);
            } catch (RuntimeException e) {
                throw unconvertible(e, describe(i), value, type);
            }
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
