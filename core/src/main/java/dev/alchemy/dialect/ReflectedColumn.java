package dev.alchemy.dialect;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column as the database describes it, like an entry of SQLAlchemy's {@code Inspector.get_columns()}.
 *
 * @param name the column's name
 * @param type the declared type as DDL text, upper case: {@code INTEGER}, {@code VARCHAR(50)}, {@code NUMERIC(10, 2)}
 * @param nullable whether NULL is allowed
 * @param serverDefault the DEFAULT as SQL text ({@code CURRENT_TIMESTAMP}, {@code 'new'} with its quotes, {@code 1}),
 *     or null
 * @param primaryKey the 1-based position in the primary key, 0 when the column is not part of it
 */
public record ReflectedColumn(
        String name,
        String type,
        boolean nullable,
        @Nullable String serverDefault,
        int primaryKey) {

    /** Checks the arguments. */
    public ReflectedColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
