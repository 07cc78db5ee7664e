package dev.alchemy.orm.internal.mapping;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes every mapped attribute of an object at once, in the mapper's attribute order: what a load does for
 * each row and what a dirty check does for each object. Generated per mapped class where possible ({@link
 * RowAccessors}), so that each attribute is one field access or accessor call instead of a method handle invocation;
 * public only because the generated class lives in the model's package.
 */
public interface RowAccess {

    /**
     * @param instance an object of the mapped class
     * @param into receives the value of attribute {@code i} at index {@code i}
     */
    public void read(Object instance, @Nullable Object[] into);

    /**
     * @param instance an object of the mapped class
     * @param values the value of attribute {@code i} at index {@code i}; no null for a primitive field
     */
    public void write(Object instance, @Nullable Object[] values);
}
