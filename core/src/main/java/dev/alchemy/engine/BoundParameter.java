package dev.alchemy.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code ?} of a {@link CompiledStatement}: its name, its value when the statement carries one, and how to
 * bind it. When a statement is executed with a parameter map, a value in the map under {@link #key()} replaces the
 * carried one.
 *
 * @param key the parameter's name ({@code :name} in text SQL)
 * @param value the value carried by the statement, if {@link #hasValue()}
 * @param hasValue whether the statement carries a value (false: it must come from the parameter map)
 * @param binder how to bind the value, or null for the dialect's default for the value's Java type
 */
public record BoundParameter(
        String key,
        @Nullable Object value,
        boolean hasValue,
        @Nullable ValueBinder binder) {

    /** Checks the key. */
    public BoundParameter {
        Objects.requireNonNull(key, "key");
    }

    /**
     * A parameter whose value comes from the parameter map at execution.
     *
     * @param key the name
     * @return the parameter
     */
    public static BoundParameter named(String key) {
        return new BoundParameter(key, null, false, null);
    }

    /**
     * A parameter with a value and a binder.
     *
     * @param key the name
     * @param value the value
     * @param binder the binder, or null for the dialect's default
     * @return the parameter
     */
    public static BoundParameter of(String key, @Nullable Object value, @Nullable ValueBinder binder) {
        return new BoundParameter(key, value, true, binder);
    }
}
