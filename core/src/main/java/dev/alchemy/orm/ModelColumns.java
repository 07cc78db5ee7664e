package dev.alchemy.orm;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.orm.internal.mapping.Attributes;
import dev.alchemy.schema.Column;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * The columns of mapped attributes, for typed conditions. {@code Alchemy.where} and {@code Alchemy.column} are the
 * usual way in.
 *
 * <pre>{@code
 * session.query(User.class).filter(ModelColumns.of(User::getName).eq("Alice"));
 * session.query(Item.class).filter(ModelColumns.of(Item.class, "price", BigDecimal.class).gt(BigDecimal.TEN));
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

    /**
     * The column of an attribute named by field, typed: the type is checked against the field's when called, so
     * {@code of(User.class, "id", Long.class)} on an {@code int id} fails at once, naming the field's type, rather
     * than at the database. A primitive field takes its wrapper ({@code Integer.class} for {@code int}); a supertype
     * of the field's type ({@code Number.class}) is accepted too.
     *
     * @param model a mapped class
     * @param attribute a field name
     * @param type the field's type, or a supertype of it
     * @param <R> the type
     * @return its column
     * @throws dev.alchemy.exc.ArgumentError when the name is unknown or the type does not match the field's
     */
    @SuppressWarnings("unchecked")
    public static <R> Column<R> of(Class<?> model, String attribute, Class<R> type) {
        Column<Object> column = Attributes.column(model, attribute);
        Class<?> fieldType = fieldType(model, attribute);
        if (fieldType != null && !type.isAssignableFrom(boxed(fieldType))) {
            throw new ArgumentError(model.getSimpleName() + "." + attribute + " is " + fieldType.getSimpleName()
                    + ", not " + type.getSimpleName() + ": use column(" + model.getSimpleName() + ".class, \""
                    + attribute + "\", " + boxed(fieldType).getSimpleName() + ".class)");
        }
        return (Column<R>) (Column<?>) column;
    }

    private static @Nullable Class<?> fieldType(Class<?> model, String attribute) {
        for (Class<?> c = model; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(attribute)) {
                    return f.getType();
                }
            }
        }
        return null;
    }

    private static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }
}
