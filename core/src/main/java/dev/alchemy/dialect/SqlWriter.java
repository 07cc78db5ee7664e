package dev.alchemy.dialect;

import dev.alchemy.types.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * What a dialect may do while the SQL compiler renders a statement: append text and bind values. Dialects render
 * the parts that differ (paging, upsert clauses) through it, without knowing the expression classes.
 */
public interface SqlWriter {

    /**
     * Appends SQL text.
     *
     * @param sql the text
     * @return this writer
     */
    SqlWriter append(String sql);

    /**
     * Appends a {@code ?} and binds a value to it.
     *
     * @param key a name for the parameter (shown in logs and errors)
     * @param value the value
     * @param type its SQL type, or null to bind by the value's Java type
     * @return this writer
     */
    SqlWriter bind(String key, @Nullable Object value, @Nullable SqlType<?> type);

    /**
     * Appends a {@code ?} and binds a value under a numbered key ({@code param_1}, {@code param_2}, ...), as SQLAlchemy
     * names the parameters of limits and literals.
     *
     * @param base the key's base, e.g. {@code param}
     * @param value the value
     * @param type its SQL type, or null to bind by the value's Java type
     * @return this writer
     */
    default SqlWriter bindAnonymous(String base, @Nullable Object value, @Nullable SqlType<?> type) {
        return bind(base, value, type);
    }
}
