package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.schema.CheckConstraint;
import dev.alchemy.schema.Index;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.SchemaItem;
import dev.alchemy.schema.UniqueConstraint;
import dev.alchemy.types.SqlType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defines a mapped class's table: its columns, constraints and indexes, as declared by the annotations. */
final class MapperTables {

    private MapperTables() {}

    /**
     * Defines a mapped class's table in a MetaData (a Base's, or the mapper's own).
     *
     * @param mapper the class's mapper
     * @param subclasses for the base of a single-table hierarchy, its subclasses, whose own columns the table holds
     *     too (nullable, as SQLAlchemy emits them: the rows of other classes leave them NULL); otherwise empty
     * @param metadata the MetaData
     * @return the table
     */
    static dev.alchemy.schema.Table define(Mapper<?> mapper, List<Mapper<?>> subclasses, MetaData metadata) {
        return define(mapper, List.of(), mapper.attributes, subclasses, metadata);
    }

    /**
     * Defines a subclass's own table of joined-table inheritance, as SQLAlchemy emits it: the primary key (a foreign
     * key to the superclass's table, not autoincrementing), then the columns of the fields the class declares.
     *
     * @param mapper the subclass's mapper
     * @param parentTable the (qualified) name of its superclass's table
     * @param primaryKey the hierarchy's primary key attributes (the base's)
     * @param local the attributes the class declares
     * @param metadata the MetaData
     * @return the table
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static dev.alchemy.schema.Table defineJoined(
            Mapper<?> mapper, String parentTable, Attribute[] primaryKey, List<Attribute> local, MetaData metadata) {
        List<SchemaItem> keys = new ArrayList<>();
        if (primaryKey.length == 1) {
            Attribute pk = primaryKey[0];
            keys.add(dev.alchemy.schema.Column.of(pk.columnName, (SqlType) pk.sqlType)
                    .primaryKey()
                    .autoincrement(false)
                    .references(dev.alchemy.schema.ForeignKey.to(parentTable + "." + pk.columnName)));
        } else {
            // a key of several columns refers to the superclass's key as a whole: one foreign key of all its columns
            // (a foreign key per column would refer to columns that are not unique on their own, which the database
            // refuses)
            List<String> columns = new ArrayList<>();
            for (Attribute pk : primaryKey) {
                keys.add(dev.alchemy.schema.Column.of(pk.columnName, (SqlType) pk.sqlType)
                        .primaryKey()
                        .autoincrement(false));
                columns.add(pk.columnName);
            }
            keys.add(dev.alchemy.schema.ForeignKeyConstraint.of(columns, parentTable, columns));
        }
        return define(mapper, keys, local, List.of(), metadata);
    }

    private static dev.alchemy.schema.Table define(
            Mapper<?> mapper,
            List<SchemaItem> leading,
            List<Attribute> attributes,
            List<Mapper<?>> subclasses,
            MetaData metadata) {
        List<SchemaItem> items = new ArrayList<>(leading);
        Map<String, String> columnOf = new LinkedHashMap<>();
        for (SchemaItem key : leading) {
            if (key instanceof dev.alchemy.schema.Column<?> c) {
                columnOf.put(c.name(), c.name());
            }
        }
        for (Attribute a : attributes) {
            columnOf.put(a.name, a.columnName);
            columnOf.put(a.columnName, a.columnName);
            items.add(column(mapper, a, false));
        }
        for (Mapper<?> sub : subclasses) {
            for (Attribute a : sub.attributes) {
                if (!columnOf.containsKey(a.columnName)) {
                    columnOf.put(a.name, a.columnName);
                    columnOf.put(a.columnName, a.columnName);
                    items.add(column(sub, a, true));
                }
            }
        }
        for (dev.alchemy.orm.UniqueConstraint u : mapper.annotation.uniqueConstraints()) {
            items.add(
                    new UniqueConstraint(u.name().isEmpty() ? null : u.name(), resolve(mapper, u.columns(), columnOf)));
        }
        for (String check : mapper.annotation.checks()) {
            items.add(CheckConstraint.of(check));
        }
        for (dev.alchemy.orm.Index index : mapper.annotation.indexes()) {
            List<String> cols = resolve(mapper, index.columns(), columnOf);
            String name =
                    index.name().isEmpty() ? "ix_" + mapper.tableName + "_" + String.join("_", cols) : index.name();
            items.add(new Index(name, cols, index.unique()));
        }
        SchemaItem[] array = items.toArray(SchemaItem[]::new);
        try {
            return mapper.schema == null
                    ? dev.alchemy.schema.Table.of(mapper.tableName, metadata, array)
                    : dev.alchemy.schema.Table.inSchema(mapper.schema, mapper.tableName, metadata, array);
        } catch (MappingError e) {
            throw e;
        } catch (ArgumentError e) {
            throw new MappingError(mapper.type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> resolve(Mapper<?> mapper, String[] names, Map<String, String> columnOf) {
        List<String> cols = new ArrayList<>();
        for (String n : names) {
            String c = columnOf.get(n);
            if (c == null) {
                throw new MappingError(mapper.type.getName() + ": @Table names an unknown column or field '" + n
                        + "'; known: " + mapper.byName.keySet());
            }
            cols.add(c);
        }
        return cols;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static dev.alchemy.schema.Column<?> column(Mapper<?> mapper, Attribute a, boolean subclass) {
        Field field = field(mapper.type, a.name);
        Column spec = field.getAnnotation(Column.class);
        dev.alchemy.schema.Column c = dev.alchemy.schema.Column.of(a.columnName, (SqlType) a.sqlType);
        if (spec.primaryKey()) {
            c = c.primaryKey();
        }
        if (!subclass && (!spec.nullable() || (a.primitive && !spec.primaryKey()) || a.version)) {
            c = c.notNull();
        }
        if (spec.unique()) {
            c = c.unique();
        }
        if (spec.index()) {
            c = c.index();
        }
        if (!spec.serverDefault().isEmpty()) {
            c = c.serverDefault(spec.serverDefault());
        }
        if (spec.autoincrement() != Column.Autoincrement.AUTO) {
            c = c.autoincrement(spec.autoincrement() == Column.Autoincrement.TRUE);
        }
        ForeignKey fk = field.getAnnotation(ForeignKey.class);
        if (fk != null) {
            dev.alchemy.schema.ForeignKey key;
            try {
                key = dev.alchemy.schema.ForeignKey.to(fk.value());
                if (!fk.onDelete().isEmpty()) key = key.onDelete(fk.onDelete());
                if (!fk.onUpdate().isEmpty()) key = key.onUpdate(fk.onUpdate());
            } catch (ArgumentError e) {
                throw new MappingError(mapper.type.getSimpleName() + "." + a.name + ": " + e.getMessage(), e);
            }
            c = c.references(key);
        }
        return c;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(name);
    }
}
