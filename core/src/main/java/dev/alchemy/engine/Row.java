package dev.alchemy.engine;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link Result}: values by position or by column name.
 *
 * <pre>{@code
 * Row row = conn.execute(text("SELECT id, name, created FROM users")).first();
 * Integer id = row.get("id", Integer.class);
 * LocalDateTime created = row.get("created", LocalDateTime.class);  // converted from SQLite's text
 * }</pre>
 */
public interface Row {

    /**
     * @param index the 0-based column position
     * @return the value, or null for SQL NULL
     * @throws IndexOutOfBoundsException when there is no such column
     */
    @Nullable
    Object get(int index);

    /**
     * @param key the column name or label
     * @return the value, or null for SQL NULL
     * @throws dev.alchemy.exc.InvalidRequestError when the row has no such column, naming the columns it has
     */
    @Nullable
    Object get(String key);

    /**
     * The value converted to a Java type, for example SQLite's date text to {@code LocalDate}.
     *
     * @param key the column name or label
     * @param type the wanted type
     * @param <T> the wanted type
     * @return the value, or null for SQL NULL
     * @throws dev.alchemy.exc.ArgumentError when the value cannot be converted
     */
    <T> @Nullable T get(String key, Class<T> type);

    /**
     * The value at a position converted to a Java type.
     *
     * @param index the 0-based column position
     * @param type the wanted type
     * @param <T> the wanted type
     * @return the value, or null for SQL NULL
     */
    <T> @Nullable T get(int index, Class<T> type);

    /** @return the number of columns */
    int size();

    /** @return the column names, in order */
    List<String> keys();

    /** @return the values by column name, in column order */
    Map<String, @Nullable Object> asMap();
}
