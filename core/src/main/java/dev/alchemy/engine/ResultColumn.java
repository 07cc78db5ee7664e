package dev.alchemy.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column a compiled statement returns: its key in the {@link Row}, how to read it, and where it comes from.
 *
 * @param key the name rows use for this column
 * @param reader how to read it, or null for the driver's default ({@code getObject})
 * @param source the table column it selects, as {@code table.column}, or null for an expression; names the column
 *     in the error raised when a stored value does not fit the reader's Java type
 */
public record ResultColumn(
        String key, @Nullable ValueReader reader, @Nullable String source) {

    /** Checks the key. */
    public ResultColumn {
        Objects.requireNonNull(key, "key");
    }

    /**
     * A result column that selects an expression rather than a table column.
     *
     * @param key the name rows use for this column
     * @param reader how to read it, or null for the driver's default
     */
    public ResultColumn(String key, @Nullable ValueReader reader) {
        this(key, reader, null);
    }

    /** @return the column for messages: {@code table.column} when known, else the key */
    public String describe() {
        return source != null ? source : key;
    }
}
