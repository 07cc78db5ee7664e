package dev.alchemy.data.repository.support;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.repository.core.support.AbstractEntityInformation;
import org.springframework.util.ReflectionUtils;

/**
 * What Spring Data needs to know of a mapped class: its primary key attribute (a field with {@code @Column(primaryKey
 * = true)}, declared on the class or a superclass), its type, and how to read it.
 *
 * @param <T> the mapped class
 * @param <ID> the primary key's type
 */
public final class AlchemyEntityInformation<T, ID> extends AbstractEntityInformation<T, ID> {

    private final Field idField;

    private AlchemyEntityInformation(Class<T> domainClass, Field idField) {
        super(domainClass);
        this.idField = idField;
    }

    /**
     * @param domainClass a mapped class
     * @param <T> the class
     * @param <ID> its primary key's type
     * @return its information
     * @throws IllegalArgumentException when the class has no {@code @Table}, or no single-column primary key
     */
    @SuppressWarnings("unchecked")
    public static <T, ID> AlchemyEntityInformation<T, ID> of(Class<T> domainClass) {
        if (!domainClass.isAnnotationPresent(Table.class)
                && !domainClass.isAnnotationPresent(dev.alchemy.orm.Polymorphic.class)) {
            throw new IllegalArgumentException(
                    domainClass.getName()
                            + " is not a mapped class (it has no @dev.alchemy.orm.Table, nor @Polymorphic in a hierarchy), so it cannot have an Alchemy repository");
        }
        List<Field> keys = new ArrayList<>();
        for (Class<?> c = domainClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column != null && column.primaryKey()) {
                    keys.add(field);
                }
            }
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException(domainClass.getName() + " has "
                    + (keys.isEmpty() ? "no primary key" : "a composite primary key " + names(keys))
                    + "; Alchemy repositories need exactly one field with @Column(primaryKey = true)");
        }
        ReflectionUtils.makeAccessible(keys.get(0));
        return new AlchemyEntityInformation<>(domainClass, keys.get(0));
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable ID getId(T entity) {
        return (ID) ReflectionUtils.getField(idField, entity);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<ID> getIdType() {
        Class<?> type = idField.getType();
        return (Class<ID>)
                (type.isPrimitive() ? org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type) : type);
    }

    /** @return the primary key's field name, the attribute to query on */
    public String getIdAttribute() {
        return idField.getName();
    }
}
