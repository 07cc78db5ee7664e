package dev.alchemy.orm.internal.mapping;

import dev.alchemy.engine.Conversions;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;
import dev.alchemy.schema.MetaData;
import dev.alchemy.sql.ColumnElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A class hierarchy mapped with a discriminator ({@link Polymorphic}), as SQLAlchemy's inheriting mappers: the base
 * class, its subclasses (base first, each after its superclass), and one mapper per class, all built together, once
 * per base class, so that each knows the others (a query of the base loads objects of every subclass). Single-table:
 * the subclasses' columns in the base's table. Joined-table: a table per class, each mapper's {@code chain} of tables
 * and one SELECT layout (every table's columns, in hierarchy order) shared by all classes' queries.
 */
final class Hierarchy {

    private static final ClassValue<Hierarchy> HIERARCHIES = new ClassValue<>() {
        @Override
        protected Hierarchy computeValue(Class<?> root) {
            return new Hierarchy(root);
        }
    };

    final Class<?> root;
    /** Whether each subclass has a table of its own, joined to its superclass's on the primary key. */
    final boolean joined;
    /** The classes, base first, each after its superclass. */
    final List<Class<?>> classes;

    final Map<Class<?>, Mapper<?>> mappers = new LinkedHashMap<>();
    private final Map<Object, Mapper<?>> byIdentity = new LinkedHashMap<>();

    private Hierarchy(Class<?> root) {
        this.root = root;
        this.classes = classes(root);
        Polymorphic base = root.getAnnotation(Polymorphic.class);
        long ownTables = classes.stream()
                .filter(c -> c != root && c.isAnnotationPresent(Table.class))
                .count();
        this.joined = ownTables > 0;
        if (joined && ownTables != classes.size() - 1) {
            throw new MappingError(root.getName() + "'s hierarchy mixes subclasses with a @Table of their own "
                    + "(joined-table inheritance) and without (single-table); give every subclass a @Table, or none: "
                    + classes.stream()
                            .map(c -> c.getSimpleName() + (c.isAnnotationPresent(Table.class) ? " @Table" : ""))
                            .toList());
        }
        for (Class<?> c : classes) {
            Mapper<?> mapper = new Mapper<>(c, this);
            mapper.hierarchy = this;
            mappers.put(c, mapper);
        }
        Mapper<?> rootMapper = Objects.requireNonNull(mappers.get(root));
        Attribute rootDiscriminator;
        try {
            rootDiscriminator = rootMapper.attribute(base.on());
        } catch (ArgumentError e) {
            throw new MappingError(
                    root.getName() + ": @Polymorphic(on = \"" + base.on() + "\") names no mapped "
                            + "attribute; map the discriminator as a @Column field. " + e.getMessage(),
                    e);
        }
        for (Mapper<?> m : mappers.values()) {
            Attribute d = m.attribute(rootDiscriminator.name);
            String identity = m.type.getAnnotation(Polymorphic.class).identity();
            Object value;
            try {
                value = Conversions.convert(identity, Conversions.boxed(d.fieldType));
            } catch (RuntimeException e) {
                throw new MappingError(
                        m.type.getName() + ": @Polymorphic(identity = \"" + identity + "\") is not a "
                                + "value of the discriminator " + d.owner + "." + d.name + " (" + d.fieldType.getName()
                                + ")",
                        e);
            }
            Mapper<?> other = byIdentity.put(value, m);
            if (other != null) {
                throw new MappingError("@Polymorphic(identity = \"" + identity + "\") is given to both "
                        + other.type.getName() + " and " + m.type.getName());
            }
            for (Attribute a : m.attributes) {
                if (a.primaryKey && rootMapper.byName.get(a.name) == null) {
                    throw new MappingError(m.type.getName() + "." + a.name + " is a primary key column of a subclass; "
                            + "the primary key of a hierarchy is its base class's (" + root.getSimpleName() + ")");
                }
            }
            m.discriminator = d;
            m.polymorphicIdentity = value;
        }
        for (Mapper<?> m : mappers.values()) {
            m.selectinLoad = JoinedTables.selectinLoad(this, m, rootMapper);
        }
        if (joined) {
            new JoinedTables(this).join(rootMapper);
            return;
        }
        dev.alchemy.schema.Table table = defineTable(rootMapper, new MetaData());
        for (Mapper<?> m : mappers.values()) {
            m.table = table;
            m.layout.positions = positions(m, table);
            m.layout.width = table.columns().size();
            if (m != rootMapper) {
                List<Object> identities = new ArrayList<>();
                for (Mapper<?> sub : mappers.values()) {
                    if (m.type.isAssignableFrom(sub.type)) {
                        identities.add(sub.polymorphicIdentity);
                    }
                }
                ColumnElement<Object> column = table.c(rootDiscriminator.columnName);
                m.identityCondition = column.in(identities);
            }
        }
    }

    /**
     * @param type a class with {@code @Polymorphic}, or any other
     * @return the base class of its hierarchy, or null when it is in none
     * @throws MappingError when the class is marked {@code @Polymorphic} but no superclass names a discriminator, or a
     *     mapped class extends a hierarchy without {@code @Polymorphic}
     */
    static @Nullable Class<?> rootOf(Class<?> type) {
        Class<?> root = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Polymorphic p = c.getAnnotation(Polymorphic.class);
            if (p != null && !p.on().isEmpty()) {
                if (root != null) {
                    throw new MappingError(root.getName() + " and its superclass " + c.getName() + " both name a "
                            + "discriminator with @Polymorphic(on = ...); only the base class of a hierarchy does");
                }
                root = c;
            }
        }
        boolean marked = type.isAnnotationPresent(Polymorphic.class);
        if (root == null) {
            if (marked) {
                throw new MappingError(
                        type.getName() + " has @Polymorphic(identity = ...) but no superclass names the "
                                + "discriminator: the base class needs @Table and @Polymorphic(on = \"...\", identity = \"...\")");
            }
            return null;
        }
        if (!marked) {
            if (type.isAnnotationPresent(Table.class)) {
                throw new MappingError(type.getName() + " extends " + root.getName() + ", which is mapped with "
                        + "@Polymorphic: give it @Polymorphic(identity = \"...\") and list it in the hierarchy");
            }
            return null; // not mapped; Mapper says so
        }
        return root;
    }

    static Hierarchy of(Class<?> root) {
        return HIERARCHIES.get(root);
    }

    @SuppressWarnings("unchecked")
    <T> Mapper<T> mapper(Class<T> type) {
        Mapper<?> m = mappers.get(type);
        if (m == null) {
            throw new MappingError(type.getName() + " has @Polymorphic but is not a listed subclass of "
                    + root.getName()
                    + ": add it to @Polymorphic(subclasses = ...) of its superclass, or permit it in a "
                    + "sealed superclass; the hierarchy: "
                    + classes.stream().map(Class::getSimpleName).toList());
        }
        return (Mapper<T>) m;
    }

    /**
     * @param value a row's discriminator value
     * @param loading the mapper of the class the row was selected as
     * @return the mapper of the row's class
     */
    Mapper<?> mapperFor(Object value, Mapper<?> loading) {
        Mapper<?> m = byIdentity.get(value);
        if (m == null) {
            throw new InvalidRequestError("a row of table '" + loading.table.fullName() + "' has discriminator '"
                    + value + "', which is the @Polymorphic identity of no class of " + root.getSimpleName()
                    + "'s hierarchy; the known identities: " + byIdentity.keySet());
        }
        if (!loading.type.isAssignableFrom(m.type)) {
            throw new InvalidRequestError("a row loaded as " + loading.type.getSimpleName() + " has discriminator '"
                    + value + "', which is a " + m.type.getSimpleName() + ", not a " + loading.type.getSimpleName());
        }
        return m;
    }

    /** @return the mappers of a class and its mapped superclasses, base first */
    List<Mapper<?>> ancestors(Mapper<?> m) {
        List<Mapper<?>> ancestors = new ArrayList<>();
        for (Mapper<?> k : mappers.values()) {
            if (k.type.isAssignableFrom(m.type)) {
                ancestors.add(k);
            }
        }
        return ancestors;
    }

    /** @return the nearest mapped superclass's mapper */
    Mapper<?> parent(Mapper<?> m) {
        List<Mapper<?>> ancestors = ancestors(m);
        return ancestors.get(ancestors.size() - 2);
    }

    /**
     * Defines a class's table in a MetaData (a Base's): for single-table inheritance the hierarchy's one table, once
     * (the base's columns, then each subclass's own); for joined-table inheritance the class's own table.
     */
    dev.alchemy.schema.Table defineTable(Mapper<?> mapper, MetaData metadata) {
        Mapper<?> base = Objects.requireNonNull(mappers.get(root));
        if (joined) {
            if (mapper == base) {
                return MapperTables.define(base, List.of(), metadata);
            }
            List<Mapper<?>> ancestors = ancestors(mapper);
            List<Attribute> local = new ArrayList<>();
            for (Attribute a : mapper.attributes) {
                if (!a.primaryKey && parent(mapper).byName.get(a.name) == null) {
                    local.add(a);
                }
            }
            Mapper<?> up = ancestors.get(ancestors.size() - 2);
            String parentTable = up.schema == null ? up.tableName : up.schema + "." + up.tableName;
            return MapperTables.defineJoined(mapper, parentTable, base.primaryKey, local, metadata);
        }
        dev.alchemy.schema.Table known =
                metadata.table(base.schema == null ? base.tableName : base.schema + "." + base.tableName);
        if (known != null) {
            return known; // defined for another class of the hierarchy
        }
        List<Mapper<?>> subclasses = new ArrayList<>(mappers.values());
        subclasses.remove(base);
        return MapperTables.define(base, subclasses, metadata);
    }

    private static int @Nullable [] positions(Mapper<?> m, dev.alchemy.schema.Table table) {
        List<String> names =
                table.columns().stream().map(dev.alchemy.schema.Column::name).toList();
        int[] positions = new int[m.attributes.size()];
        boolean same = true;
        for (Attribute a : m.attributes) {
            positions[a.index] = names.indexOf(a.columnName);
            same &= positions[a.index] == a.index;
        }
        return same && names.size() == positions.length ? null : positions;
    }

    private static List<Class<?>> classes(Class<?> root) {
        if (!root.isAnnotationPresent(Table.class)) {
            throw new MappingError(root.getName() + " names a discriminator with @Polymorphic(on = ...) but has no "
                    + "@Table: the base class of a hierarchy has the table");
        }
        List<Class<?>> found = new ArrayList<>();
        found.add(root);
        for (int i = 0; i < found.size(); i++) {
            Class<?> c = found.get(i);
            List<Class<?>> listed =
                    new ArrayList<>(List.of(c.getAnnotation(Polymorphic.class).subclasses()));
            if (c.isSealed()) {
                listed.addAll(List.of(c.getPermittedSubclasses()));
            }
            for (Class<?> sub : listed) {
                if (sub == c || !c.isAssignableFrom(sub)) {
                    throw new MappingError(c.getName() + ": @Polymorphic(subclasses) lists " + sub.getName()
                            + ", which is not a subclass of it");
                }
                if (!sub.isAnnotationPresent(Polymorphic.class)) {
                    throw new MappingError(sub.getName() + " is a subclass of " + root.getName()
                            + " and needs @Polymorphic(identity = \"...\")");
                }
                if (!found.contains(sub)) {
                    found.add(sub);
                }
            }
        }
        found.sort(Comparator.comparingInt(Hierarchy::depth)); // stable: each class after its superclass
        return List.copyOf(found);
    }

    private static int depth(Class<?> c) {
        int depth = 0;
        for (Class<?> s = c; s != null; s = s.getSuperclass()) {
            depth++;
        }
        return depth;
    }
}
