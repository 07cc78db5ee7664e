package dev.alchemy.orm;

import dev.alchemy.orm.internal.Attributes;
import dev.alchemy.schema.Column;

/**
 * The columns of mapped attributes, for typed conditions. {@code Alchemy.where} and {@code Alchemy.column} are the
 * usual way in.
 *
 * <pre>{@code
 * session.query(User.class).filter(ModelColumns.of(User::getName).eq("Alice"));
 * }</pre>
 */
public final class ModelColumns {

    private ModelColumns() {}

    /**
     * @param getter a method reference to a mapped class's getter, {@code User::getName}
     * @param <T> the class
     * @param <R> the attribute's type
     * @return the attribute's column, resolved once per call site
     * @throws dev.alchemy.exc.ArgumentError when it is not the getter of a mapped attribute
     */
    public static <T, R> Column<R> of(Getter<T, R> getter) {
        return Attributes.column(getter);
    }

    /**
     * @param model a mapped class
     * @param attribute a field name
     * @return its column
     * @throws dev.alchemy.exc.ArgumentError listing the attributes when the name is unknown
     */
    public static Column<Object> of(Class<?> model, String attribute) {
        return Attributes.column(model, attribute);
    }
}
