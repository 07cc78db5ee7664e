package dev.alchemy.orm.internal.mapping;

import dev.alchemy.engine.Conversions;
import dev.alchemy.engine.Row;
import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.InvalidRequestError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.exc.UnmappedClassError;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Transient;
import dev.alchemy.schema.MetaData;
import dev.alchemy.sql.ColumnElement;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How one class maps to one table: its attributes, primary key, version column and constructor, resolved once per
 * class and cached ({@link #of(Class)}); nothing reflective happens per row.
 *
 * @param <T> the mapped class
 */
public final class Mapper<T> {

    private static final ClassValue<Mapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected Mapper<?> computeValue(Class<?> type) {
            Class<?> root = Hierarchy.rootOf(type);
            return root == null ? new Mapper<>(type, null) : Hierarchy.of(root).mapper(type);
        }
    };

    public final Class<T> type;
    public final String tableName;
    public final @Nullable String schema;
    public final List<Attribute> attributes;
    public final Attribute[] primaryKey;
    public final @Nullable Attribute version;
    public final Map<String, Attribute> byName;
    private final MethodHandle constructor;
    /** Reads and writes all attributes at once (generated where possible). */
    private final RowAccess access;
    /** The indexes of attributes whose field is primitive, which a row's NULL cannot be written to. */
    private final int[] primitives;

    final Table annotation;
    private final List<String> foreignTables;
    /**
     * The table, in this mapper's own MetaData. Set once: by the constructor, or, for a class of an inheritance
     * hierarchy, by its {@link Hierarchy} before the mapper is published.
     */
    public dev.alchemy.schema.Table table;

    public final List<RelationshipProperty> relationships;
    /** The same, for the flush's loops over every object (an array needs no iterator per object). */
    public final RelationshipProperty[] relationshipArray;
    /**
     * The write-only collections ({@link dev.alchemy.orm.WriteOnlyCollection}), apart from {@link #relationships}:
     * nothing that loads, tracks or diffs collections sees them; the cascades and the flush handle them on their own.
     */
    public final RelationshipProperty[] writeOnly;

    /** The class whose objects share identity keys with this one's: the base of its hierarchy, or the class itself. */
    public final Class<?> identityType;

    /** The inheritance hierarchy this class belongs to, or null (set by the hierarchy). */
    @Nullable
    Hierarchy hierarchy;

    /** This class's discriminator attribute, or null when it is not in a hierarchy. */
    public @Nullable Attribute discriminator;

    /** This class's discriminator value (as the field holds it), or null when it is not in a hierarchy. */
    public @Nullable Object polymorphicIdentity;

    /** Each attribute's position among the table's columns, or null when they are in the same order. */
    int @Nullable [] positions;

    /**
     * Joined-table inheritance: the tables of this class and of its mapped superclasses, base first (its own,
     * {@link #table}, last); null otherwise.
     */
    dev.alchemy.schema.Table @Nullable [] chain;

    /** Joined-table inheritance: per attribute, the index in {@link #chain} of the table holding its column. */
    int @Nullable [] tableIndex;

    /** Joined-table inheritance: the SELECT of every column of the hierarchy's tables, joined; null otherwise. */
    dev.alchemy.sql.@Nullable Select joinedSelect;

    /**
     * Joined-table inheritance: whether a query of a superclass leaves this class's table out, to read it by key
     * after ({@code @Polymorphic(load = SELECTIN)}).
     */
    boolean selectinLoad;

    /** Whether this class's entity select leaves out tables of some subclasses (they load by selectin). */
    boolean defersSubclasses;

    /**
     * Joined-table inheritance: for a row of this class loaded by a query of a superclass that left tables out, per
     * that superclass's mapper, the index in {@link #chain} of the first table left out.
     */
    Map<Mapper<?>, Integer> selectinFrom = Map.of();

    /** How many columns a row of this class's entity select has (more than its attributes in a hierarchy). */
    int width;

    /** {@code discriminator IN (...)} for a subclass sharing its base's table, else null. */
    @Nullable
    ColumnElement<Boolean> identityCondition;

    Mapper(Class<T> type, @Nullable Hierarchy inherits) {
        this.type = type;
        this.identityType = inherits == null ? type : inherits.root;
        Table table = type.getAnnotation(Table.class);
        if (table == null && inherits != null) {
            table = inherits.root.getAnnotation(Table.class); // single-table: the base's table
        }
        if (table == null) {
            throw new UnmappedClassError(
                    "class " + type.getName() + " is not mapped: annotate it with @Table(name = \"...\")");
        }
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
        this.annotation = table;
        this.tableName = table.name();
        this.schema = table.schema().isEmpty() ? null : table.schema();
        MethodHandles.Lookup lookup = AttributeFactory.lookup(type);
        this.constructor = AttributeFactory.constructor(type, lookup);
        List<Attribute> attrs = new ArrayList<>();
        List<String> fks = new ArrayList<>();
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
                    fks.add(fk.value().substring(0, Math.max(0, fk.value().lastIndexOf('.'))));
                    attribute.foreignKeyTarget = fk.value();
                }
            }
            attrs.addAll(0, level); // superclass fields first
        }
        if (attrs.isEmpty()) {
            throw new MappingError(type.getName() + " maps no fields: annotate them with @Column");
        }
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
        this.attributes = List.copyOf(attrs);
        this.primitives =
                attrs.stream().filter(a -> a.primitive).mapToInt(a -> a.index).toArray();
        this.access = rowAccess(type, lookup, attributes, constructor);
        this.byName = Collections.unmodifiableMap(names);
        this.primaryKey = attrs.stream().filter(a -> a.primaryKey).toArray(Attribute[]::new);
        if (primaryKey.length == 0) {
            throw new MappingError(type.getName() + " has no primary key: mark a field @Column(primaryKey = true)");
        }
        List<Attribute> versions = attrs.stream().filter(a -> a.version).toList();
        if (versions.size() > 1) {
            throw new MappingError(type.getName() + " has several @Version fields: " + versions);
        }
        this.version = versions.isEmpty() ? null : versions.get(0);
        this.foreignTables = List.copyOf(fks);
        List<Class<?>> levels = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            levels.add(0, c); // superclass relationships first, so that a subclass's inherited ones keep their index
        }
        List<RelationshipProperty> rels = new ArrayList<>();
        List<RelationshipProperty> writeOnlyRels = new ArrayList<>(0);
        for (Class<?> c : levels) {
            for (Field field : c.getDeclaredFields()) {
                dev.alchemy.orm.Relationship r = field.getAnnotation(dev.alchemy.orm.Relationship.class);
                if (r == null || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                MethodHandles.Lookup access = c == type ? lookup : AttributeFactory.lookup(c);
                if (field.getType() == dev.alchemy.orm.WriteOnlyCollection.class) {
                    writeOnlyRels.add(
                            new RelationshipProperty(this, Integer.MAX_VALUE - writeOnlyRels.size(), field, r, access));
                } else {
                    rels.add(new RelationshipProperty(this, rels.size(), field, r, access));
                }
            }
        }
        this.relationships = List.copyOf(rels);
        this.relationshipArray = rels.toArray(new RelationshipProperty[0]);
        this.writeOnly = writeOnlyRels.toArray(new RelationshipProperty[0]);
        if (inherits == null) {
            this.table = defineTable(new MetaData());
            this.width = attrs.size();
        }
    }

    /**
     * The mapper of a class, built on first use and cached.
     *
     * @param type a class annotated with {@code @Table}
     * @param <T> the class
     * @return its mapper
     * @throws UnmappedClassError when the class has no {@code @Table}
     * @throws MappingError when its mapping is invalid
     */
    @SuppressWarnings("unchecked")
    public static <T> Mapper<T> of(Class<T> type) {
        return (Mapper<T>) MAPPERS.get(type);
    }

    /**
     * @param type a class
     * @return whether it is a model: it has a {@code @Table}, or it is a subclass in an inheritance hierarchy
     *     ({@code @Polymorphic}, its rows in its base's table)
     */
    public static boolean isMapped(Class<?> type) {
        return type.isAnnotationPresent(Table.class) || type.isAnnotationPresent(dev.alchemy.orm.Polymorphic.class);
    }

    /**
     * Defines this class's table in a MetaData (a Base's), with its columns, constraints and indexes.
     *
     * @param metadata the MetaData
     * @return the table
     */
    public dev.alchemy.schema.Table defineTable(MetaData metadata) {
        Hierarchy h = hierarchy;
        return h == null ? MapperTables.define(this, List.of(), metadata) : h.defineTable(this, metadata);
    }

    /** @return the classes of this class's inheritance hierarchy, base first, or this class alone */
    public List<Class<?>> hierarchyClasses() {
        Hierarchy h = hierarchy;
        return h == null ? List.of(type) : h.classes;
    }

    /** @return whether this class's rows span several tables (joined-table inheritance) */
    public boolean isJoined() {
        return chain != null;
    }

    /**
     * @return the tables this class's rows are written to, base first: its own table alone, or for joined-table
     *     inheritance its superclasses' tables and then its own
     */
    public List<dev.alchemy.schema.Table> tables() {
        dev.alchemy.schema.Table[] c = chain;
        return c == null ? List.of(table) : List.of(c);
    }

    /**
     * @param attribute one of this class's attributes
     * @return the table holding its column: {@link #table}, or for joined-table inheritance the table of the class
     *     that declares it (the base's for the primary key)
     */
    public dev.alchemy.schema.Table tableOf(Attribute attribute) {
        dev.alchemy.schema.Table[] c = chain;
        int[] t = tableIndex;
        return c == null || t == null ? table : c[t[attribute.index]];
    }

    /**
     * @param attribute one of this class's attributes
     * @return its column, in the table holding it
     */
    public dev.alchemy.schema.Column<Object> column(Attribute attribute) {
        return tableOf(attribute).c(attribute.columnName);
    }

    /**
     * @return what an entity select of this class reads: its table, or for joined-table inheritance the hierarchy's
     *     tables joined on the primary key (inner joins to this class's own and its superclasses', outer joins to the
     *     others, so that a row loads the subclass it is)
     */
    public dev.alchemy.sql.Select entitySelect() {
        dev.alchemy.sql.Select joined = joinedSelect;
        return joined != null ? joined : dev.alchemy.sql.Select.of(table);
    }

    /** @return how many columns a row of {@link #entitySelect()} has */
    public int width() {
        return width;
    }

    /**
     * The table a loader criterion registered for a class (or interface) gets when it applies to this class: the
     * table of the first class of the hierarchy, base first, that is one; {@link #table} outside joined-table
     * inheritance.
     *
     * @param registered the class the criterion was registered for
     * @return the table
     */
    public dev.alchemy.schema.Table tableFor(Class<?> registered) {
        Hierarchy h = hierarchy;
        dev.alchemy.schema.Table[] c = chain;
        if (h == null || c == null) {
            return table;
        }
        int i = 0;
        for (Class<?> k : h.classes) {
            if (k.isAssignableFrom(type)) {
                if (registered.isAssignableFrom(k)) {
                    return c[i];
                }
                i++;
            }
        }
        return table;
    }

    /**
     * @return whether this class's entity select leaves the tables of some subclasses out (NULL in its row layout),
     *     for their rows to be completed by {@link #selectinFrom}
     */
    public boolean defersSubclasses() {
        return defersSubclasses;
    }

    /**
     * @param loading the mapper of the class a query selected (this class or a superclass)
     * @return the index in {@link #tables()} of the first of this class's tables that the query left out, whose
     *     columns a row of this class still needs; -1 when it read them all
     */
    public int selectinFrom(Mapper<?> loading) {
        Integer from = selectinFrom.get(loading);
        return from == null ? -1 : from;
    }

    /** @return whether this class is in an inheritance hierarchy, so that its rows may load objects of subclasses */
    public boolean isPolymorphic() {
        return hierarchy != null;
    }

    /**
     * @return for a subclass sharing its base's table, the condition its rows meet
     *     ({@code discriminator IN (its identity and its subclasses')}); otherwise null
     */
    public @Nullable ColumnElement<Boolean> identityCondition() {
        return identityCondition;
    }

    /**
     * The mapper of the class a row of this class's SELECT holds, by the row's discriminator, as SQLAlchemy's
     * polymorphic loading: this mapper for a row without one (an outer join's missing row, a NULL discriminator).
     *
     * @param row a row of {@code SELECT <this table's columns> ...}
     * @param offset where this table's columns start in the row
     * @return the mapper of the row's class
     * @throws InvalidRequestError when the discriminator names no class of the hierarchy, or a class that is not
     *     this one or a subclass of it
     */
    public Mapper<?> mapperForRow(Row row, int offset) {
        Hierarchy h = hierarchy;
        Attribute d = discriminator;
        if (h == null || d == null) {
            return this;
        }
        int[] p = positions;
        Object value = row.get(offset + (p == null ? d.index : p[d.index]));
        return value == null ? this : h.mapperFor(value, this);
    }

    /**
     * @param row a row of {@code SELECT <this table's columns> ...}
     * @param offset where this table's columns start in the row
     * @return this class's attribute values, in attribute order
     */
    public Object[] rowValues(Row row, int offset) {
        int[] p = positions;
        int n = attributes.size();
        Object[] values = new Object[n];
        if (p == null) {
            for (int i = 0; i < n; i++) {
                values[i] = row.get(offset + i);
            }
        } else {
            for (int i = 0; i < n; i++) {
                values[i] = row.get(offset + p[i]);
            }
        }
        return values;
    }

    /** @return the mapped class */
    public Class<T> type() {
        return type;
    }

    /** @return the table (in this mapper's own MetaData), used to compile statements */
    public dev.alchemy.schema.Table table() {
        return table;
    }

    /** @return the mapped attributes, in declaration order (superclass first) */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * Defines the association tables of this class's many-to-many relationships in a MetaData (a Base's), once.
     *
     * @param metadata the MetaData
     */
    public void defineAssociationTables(MetaData metadata) {
        for (RelationshipProperty r : relationships) {
            r.defineSecondary(metadata);
        }
    }

    /** Checks that every relationship resolves (foreign keys, back-populates), so errors appear when a Base is built. */
    public void resolveRelationships() {
        for (RelationshipProperty r : relationships) {
            r.resolve();
        }
    }

    /** @return the relationships, in declaration order */
    public List<RelationshipProperty> relationships() {
        return relationships;
    }

    /**
     * @param name a relationship's field name
     * @return the relationship
     * @throws ArgumentError listing the relationships when there is none by that name
     */
    public RelationshipProperty relationship(String name) {
        for (RelationshipProperty r : writeOnly) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        for (RelationshipProperty r : relationships) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        throw new ArgumentError(type.getSimpleName() + " has no relationship '" + name + "'; its relationships: "
                + relationships.stream().map(r -> r.name).toList());
    }

    /**
     * The attribute whose column has a foreign key to a table, the only one, or the one named.
     *
     * @param table the referred table's name
     * @param hint a column or field name to choose among several, or empty
     * @return the attribute, or null when there is none
     * @throws MappingError when there are several and no hint
     */
    @Nullable
    public Attribute foreignKeyTo(String table, String hint, String relationship) {
        List<Attribute> found = new ArrayList<>();
        for (Attribute a : attributes) {
            String target = a.foreignKeyTarget;
            if (target != null
                    && target.substring(0, target.lastIndexOf('.')).equals(table)
                    && (hint.isEmpty() || hint.equals(a.name) || hint.equals(a.columnName))) {
                found.add(a);
            }
        }
        if (found.size() > 1) {
            throw new MappingError(relationship + ": " + type.getSimpleName() + " has several foreign keys to '" + table
                    + "' " + found + "; name the one to use with @Relationship(foreignKey = \"...\")");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** @return the single primary key attribute */
    public Attribute singlePrimaryKey(String relationship) {
        if (primaryKey.length != 1) {
            throw new MappingError(
                    relationship + ": relationships need a single-column primary key on " + type.getSimpleName());
        }
        return primaryKey[0];
    }

    /** @return the tables this class's foreign keys refer to */
    public List<String> foreignTables() {
        return foreignTables;
    }

    /**
     * @param name a field name or column name
     * @return the attribute
     * @throws ArgumentError listing the attributes when there is none by that name
     */
    public Attribute attribute(String name) {
        Attribute a = byName.get(name);
        if (a == null) {
            for (Attribute candidate : attributes) {
                if (candidate.columnName.equals(name)) {
                    return candidate;
                }
            }
            throw new ArgumentError(
                    type.getSimpleName() + " has no attribute '" + name + "'; its attributes: " + byName.keySet());
        }
        return a;
    }

    /**
     * The generated row access of a class, checked once on a new instance (read, then written back) so that a class
     * the generated code cannot reach falls back to method handles here rather than fail later.
     */
    private static RowAccess rowAccess(
            Class<?> type, MethodHandles.Lookup lookup, List<Attribute> attributes, MethodHandle constructor) {
        RowAccess handles = RowAccessors.handles(attributes);
        List<RowAccessors.Plan> plans = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.plan == null) {
                return handles;
            }
            plans.add(a.plan);
        }
        RowAccess generated = RowAccessors.of(type, lookup, plans, attributes, handles);
        if (generated == handles) {
            return handles;
        }
        try {
            Object probe = constructor.invoke();
            Object[] values = new Object[attributes.size()];
            generated.read(probe, values);
            for (Attribute a : attributes) {
                if (a.primitive && values[a.index] == null) {
                    return handles;
                }
            }
            generated.write(probe, values);
            return generated;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            org.slf4j.LoggerFactory.getLogger("dev.alchemy.orm")
                    .debug(
                            "{}: method handles for its attributes, since the generated accessor failed on a new "
                                    + "instance",
                            type.getName(),
                            e);
            return handles;
        }
    }

    /**
     * Reads every attribute's stored value.
     *
     * @param instance an object of this class
     * @param into receives attribute {@code i}'s value at index {@code i}
     */
    public void readAll(Object instance, Object[] into) {
        access.read(instance, into);
    }

    /**
     * Writes every attribute.
     *
     * @param instance an object of this class
     * @param values attribute {@code i}'s value at index {@code i}
     */
    public void writeAll(Object instance, Object[] values) {
        for (int i : primitives) {
            if (values[i] == null) {
                attributes.get(i).set(instance, null); // explains the NULL for a primitive field
            }
        }
        access.write(instance, values);
    }

    /** @return whether the generated row access is in use (for tests) */
    public boolean hasGeneratedAccess() {
        return access.getClass().isHidden() || access instanceof RowAccessors.Mixed;
    }

    /** @return a new instance through the no-argument constructor */
    @SuppressWarnings("unchecked")
    public T newInstance() {
        try {
            return (T) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingError("could not create a " + type.getName() + ": " + e, e);
        }
    }

    /**
     * The identity key of an object of this class with a primary key value given by the application ({@code get}),
     * converted to the key columns' Java types so that {@code get(User.class, 1)} finds a {@code Long} id.
     *
     * @param id the key value, or a List of values in key order for a composite key
     * @return the identity key
     */
    public IdentityKey identityKey(Object id) {
        Attribute[] pk = primaryKey;
        if (pk.length == 1) {
            return new IdentityKey(identityType, Conversions.convert(id, Conversions.boxed(pk[0].sqlType.javaType())));
        }
        if (!(id instanceof List<?> values) || values.size() != pk.length) {
            throw new dev.alchemy.exc.ArgumentError(type.getSimpleName() + " has a composite primary key " + List.of(pk)
                    + "; pass its values as a List in that order");
        }
        List<Object> converted = new ArrayList<>();
        for (int i = 0; i < pk.length; i++) {
            converted.add(Conversions.convert(values.get(i), Conversions.boxed(pk[i].sqlType.javaType())));
        }
        return new IdentityKey(identityType, List.copyOf(converted));
    }

    /**
     * @param values stored values in attribute order (a row, a snapshot)
     * @return the identity key they hold
     */
    public IdentityKey keyFromValues(Object[] values) {
        Attribute[] pk = primaryKey;
        if (pk.length == 1) {
            return new IdentityKey(identityType, values[pk[0].index]);
        }
        List<Object> id = new ArrayList<>(pk.length);
        for (Attribute a : pk) {
            id.add(values[a.index]);
        }
        return new IdentityKey(identityType, List.copyOf(id));
    }

    /** @return whether every primary key attribute of the object has a value (nothing allocated) */
    public boolean hasKey(Object instance) {
        for (Attribute a : primaryKey) {
            if (a.get(instance) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The identity of an object: its class and primary key values.
     *
     * @param instance an object of this class
     * @return its key, or null when a primary key value is not set
     */
    public @Nullable IdentityKey keyOf(Object instance) {
        if (primaryKey.length == 1) {
            Object v = primaryKey[0].get(instance);
            return v == null ? null : new IdentityKey(identityType, v);
        }
        Object[] values = new Object[primaryKey.length];
        for (int i = 0; i < primaryKey.length; i++) {
            values[i] = primaryKey[i].get(instance);
            if (values[i] == null) {
                return null;
            }
        }
        return new IdentityKey(identityType, List.of(values));
    }

    @Override
    public String toString() {
        return "Mapper[" + type.getSimpleName() + " -> " + tableName + "]";
    }

    /**
     * The default column name of a field, as Spring Boot's naming strategy gives it: {@code userId} → {@code user_id}.
     *
     * @param field a field name
     * @return the column name
     */
    public static String snakeCase(String field) {
        StringBuilder out = new StringBuilder(field.length() + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean boundary = i > 0
                        && (Character.isLowerCase(field.charAt(i - 1))
                                || Character.isDigit(field.charAt(i - 1))
                                || (i + 1 < field.length()
                                        && Character.isLowerCase(field.charAt(i + 1))
                                        && Character.isUpperCase(field.charAt(i - 1))));
                if (boundary) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
