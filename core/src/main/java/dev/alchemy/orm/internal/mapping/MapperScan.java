package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Transient;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a model class's annotations for its {@link Mapper}, once: whether the class can be an entity, its
 * {@code @Column} fields as attributes (a superclass's first) and its {@code @Relationship} fields as relationship
 * properties, as SQLAlchemy's declarative scan of a class's {@code mapped_column()}s and {@code relationship()}s.
 */
final class MapperScan {

    private MapperScan() {}

    /**
     * @param type a class with a table
     * @param table its {@code @Table} (or its base's)
     * @throws MappingError when the class cannot be an entity
     */
    static void checkClass(Class<?> type, Table table) {
        if (type.isRecord()) {
            throw new MappingError(type.getName() + " is a record; records are immutable and cannot be entities, "
                    + "because the session sets their fields when it loads and refreshes them. Use a class.");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum()) {
            throw new MappingError(type.getName() + " cannot be an entity: it must be a concrete class");
        }
        if (table.name().isBlank()) {
            throw new MappingError(type.getName() + ": @Table needs a name");
        }
    }

    /**
     * @param type the mapped class
     * @param lookup a lookup with private access to it
     * @return its attributes, a superclass's first, not yet indexed
     * @throws MappingError when a field is mapped twice over or nothing is mapped
     */
    static List<Attribute> attributes(Class<?> type, MethodHandles.Lookup lookup) {
        List<Attribute> attrs = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Attribute> level = new ArrayList<>();
            for (Field field : c.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column != null
                        && field.isAnnotationPresent(dev.alchemy.orm.Relationship.class)
                        && !field.isAnnotationPresent(Transient.class)) {
                    // before the column mapping, which would only say that the field's type is unsupported
                    throw new MappingError(
                            type.getSimpleName() + "." + field.getName() + " has both @Column and @Relationship; "
                                    + "map the foreign key as its own @Column field and the object as the @Relationship");
                }
                if (column == null
                        || field.isAnnotationPresent(Transient.class)
                        || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Attribute attribute = AttributeFactory.attribute(
                        type, field, column, c == type ? lookup : AttributeFactory.lookup(c));
                level.add(attribute);
                ForeignKey fk = field.getAnnotation(ForeignKey.class);
                if (fk != null) {
                    attribute.foreignKeyTarget = fk.value();
                }
            }
            attrs.addAll(0, level); // superclass fields first
        }
        if (attrs.isEmpty()) {
            throw new MappingError(type.getName() + " maps no fields: annotate them with @Column");
        }
        return attrs;
    }

    /**
     * Numbers the attributes in order and indexes them by field name.
     *
     * @return the attributes by field name
     * @throws MappingError when two fields map to one column
     */
    static Map<String, Attribute> byName(Class<?> type, List<Attribute> attrs) {
        Map<String, Attribute> names = new LinkedHashMap<>();
        Map<String, Attribute> columns = new LinkedHashMap<>();
        for (int i = 0; i < attrs.size(); i++) {
            Attribute a = attrs.get(i);
            a.index = i;
            names.put(a.name, a);
            Attribute clash = columns.put(a.columnName, a);
            if (clash != null) {
                throw new MappingError(type.getName() + ": fields '" + clash.name + "' and '" + a.name
                        + "' both map to column '" + a.columnName + "'");
            }
        }
        return names;
    }

    /**
     * Builds the relationship properties of a mapper's class, a superclass's first, so that a subclass's inherited
     * ones keep their index.
     *
     * @param owner the mapper
     * @param lookup a lookup with private access to its class
     * @param rels receives the relationships that load
     * @param writeOnly receives the write-only collections
     */
    static void relationships(
            Mapper<?> owner,
            MethodHandles.Lookup lookup,
            List<RelationshipProperty> rels,
            List<RelationshipProperty> writeOnly) {
        Class<?> type = owner.type;
        List<Class<?>> levels = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            levels.add(0, c); // superclass relationships first, so that a subclass's inherited ones keep their index
        }
        for (Class<?> c : levels) {
            for (Field field : c.getDeclaredFields()) {
                dev.alchemy.orm.Relationship r = field.getAnnotation(dev.alchemy.orm.Relationship.class);
                if (r == null || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                MethodHandles.Lookup access = c == type ? lookup : AttributeFactory.lookup(c);
                if (field.getType() == dev.alchemy.orm.WriteOnlyCollection.class) {
                    writeOnly.add(
                            new RelationshipProperty(owner, Integer.MAX_VALUE - writeOnly.size(), field, r, access));
                } else {
                    rels.add(new RelationshipProperty(owner, rels.size(), field, r, access));
                }
            }
        }
    }
}
