package dev.alchemy.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column a compiled statement returns: its key in the {@link Row} and how to read it.
 *
 * @param key the name rows use for this column
 * @param reader how to read it, or null for the driver's default ({@code getObject})
 */
public record ResultColumn(String key, @Nullable ValueReader reader) {

    /** Checks the key. */
    public ResultColumn {
        Objects.requireNonNull(key, "key");
    }
}
