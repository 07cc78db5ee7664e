package dev.alchemy.orm;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.internal.mapping.ClassScanner;
import dev.alchemy.orm.internal.mapping.Mapper;
import dev.alchemy.orm.internal.mapping.MapperListeners;
import dev.alchemy.schema.ForeignKeyConstraint;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declarative base: a set of model classes and the {@link MetaData} of their tables, like SQLAlchemy's
 * {@code declarative_base()}. Every mapping error is found when the Base is built, naming the class and field.
 *
 * <pre>{@code
 * Base base = Base.of(User.class, Address.class);        // or Base.scan("com.example.model")
 * base.metadata().createAll(engine);                     // Base.metadata.create_all(engine)
 * }</pre>
 */
public final class Base {

    private final List<Class<?>> models;
    private final MetaData metadata;
    private final Map<Class<?>, Table> tables;

    private Base(List<Class<?>> given) {
        List<Class<?>> models = new ArrayList<>();
        for (Class<?> model : given) {
            for (Class<?> c : Mapper.of(model).hierarchyClasses()) { // a hierarchy comes whole
                if (!models.contains(c)) {
                    models.add(c);
                }
            }
        }
        this.models = List.copyOf(models);
        this.metadata = new MetaData();
        Map<Class<?>, Table> map = new LinkedHashMap<>();
        Map<String, Class<?>> owners = new LinkedHashMap<>();
        for (Class<?> model : models) {
            Mapper<?> mapper = Mapper.of(model);
            String name = mapper.table().fullName();
            Class<?> other = owners.put(name, model);
            if (other != null && Mapper.of(other).identityType == mapper.identityType) {
                map.put(model, map.get(other)); // single-table inheritance: the hierarchy's table
                owners.put(name, other);
                continue;
            }
            if (other != null && other != model) {
                throw new MappingError(
                        "table '" + name + "' is mapped twice: by " + other.getName() + " and " + model.getName());
            }
            if (other == null) {
                map.put(model, mapper.defineTable(metadata));
            }
        }
        this.tables = Collections.unmodifiableMap(map);
        for (Class<?> model : models) {
            Mapper<?> mapper = Mapper.of(model);
            MapperListeners.check(model); // a callback method that cannot be called is a mapping error, found here
            mapper.resolveRelationships();
            mapper.defineAssociationTables(metadata);
        }
        checkForeignKeys();
    }

    private void checkForeignKeys() {
        Map<Table, String> owners = new java.util.IdentityHashMap<>();
        tables.forEach((model, table) -> owners.put(table, model.getName()));
        for (Table table : metadata.tables()) {
            String owner = owners.getOrDefault(table, "association table '" + table.fullName() + "'");
            for (ForeignKeyConstraint fk : table.foreignKeys()) {
                Table target = metadata.table(fk.referredTable());
                if (target == null) {
                    throw new MappingError(owner + "." + fk.columns() + ": foreign key to unknown table '"
                            + fk.referredTable() + "'; the tables of this Base: "
                            + metadata.tables().stream().map(Table::fullName).toList()
                            + " (add the model of that table to the Base)");
                }
                for (String column : fk.referredColumns()) {
                    if (!target.hasColumn(column)) {
                        throw new MappingError(owner + "." + fk.columns() + ": foreign key to unknown column '"
                                + fk.referredTable() + "." + column + "'");
                    }
                }
            }
        }
    }

    /**
     * A Base of these model classes.
     *
     * @param models classes annotated with {@code @Table}
     * @return the Base
     * @throws MappingError naming the class and field of the first invalid mapping
     */
    public static Base of(Class<?>... models) {
        Objects.requireNonNull(models, "models");
        if (models.length == 0) {
            throw new ArgumentError("Base.of needs at least one model class");
        }
        return new Base(List.of(models));
    }

    /**
     * A Base of every class annotated with {@code @Table} in these packages and their sub-packages, found on the
     * class path.
     *
     * @param packages package names, e.g. {@code "com.example.model"}
     * @return the Base
     * @throws ArgumentError when no model is found
     */
    public static Base scan(String... packages) {
        List<Class<?>> found = new ArrayList<>();
        for (String p : packages) {
            for (Class<?> c : ClassScanner.scan(p, Base.class.getClassLoader())) {
                if (c.isAnnotationPresent(dev.alchemy.orm.Table.class) && !found.contains(c)) {
                    found.add(c);
                }
            }
        }
        if (found.isEmpty()) {
            throw new ArgumentError("no @Table classes found in packages " + List.of(packages));
        }
        return new Base(found);
    }

    /** @return the tables of the models, for {@code createAll}/{@code dropAll} */
    public MetaData metadata() {
        return metadata;
    }

    /** @return the model classes */
    public List<Class<?>> models() {
        return models;
    }

    /**
     * @param model a model class of this Base
     * @return its table in {@link #metadata()}
     * @throws ArgumentError when the class is not in this Base
     */
    public Table table(Class<?> model) {
        Table table = tables.get(model);
        if (table == null) {
            throw new ArgumentError(model.getName() + " is not a model of this Base; its models: " + models);
        }
        return table;
    }

    @Override
    public String toString() {
        return "Base" + models.stream().map(Class::getSimpleName).toList();
    }
}
