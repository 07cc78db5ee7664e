package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.exc.UnmappedClassError;
import dev.alchemy.orm.Table;
import dev.alchemy.schema.MetaData;
import dev.alchemy.sql.ColumnElement;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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
    /**
     * The collection relationships among {@link #relationships} (write-only ones aside), read together by {@link
     * #readCollections} when autoflush looks for a collection the application replaced.
     */
    public final RelationshipProperty[] collections;

    private final RowAccess collectionAccess;

    /** The class whose objects share identity keys with this one's: the base of its hierarchy, or the class itself. */
    public final Class<?> identityType;

    /** The inheritance hierarchy this class belongs to, or null (set by the hierarchy). */
    @Nullable
    Hierarchy hierarchy;

    /** This class's discriminator attribute, or null when it is not in a hierarchy. */
    public @Nullable Attribute discriminator;

    /** This class's discriminator value (as the field holds it), or null when it is not in a hierarchy. */
    public @Nullable Object polymorphicIdentity;

    /**
     * Joined-table inheritance: the tables of this class and of its mapped superclasses, base first (its own,
     * {@link #table}, last); null otherwise.
     */
    dev.alchemy.schema.Table @Nullable [] chain;

    /** Joined-table inheritance: per attribute, the index in {@link #chain} of the table holding its column. */
    int @Nullable [] tableIndex;

    /**
     * Joined-table inheritance: whether a query of a superclass leaves this class's table out, to read it by key
     * after ({@code @Polymorphic(load = SELECTIN)}).
     */
    boolean selectinLoad;

    /** {@code discriminator IN (...)} for a subclass sharing its base's table, else null. */
    @Nullable
    ColumnElement<Boolean> identityCondition;

    /** How rows of this class's entity select are laid out and decoded. */
    public final RowLayout layout = new RowLayout(this);

    @SuppressWarnings("NullAway.Init") // a hierarchy's classes get their table from the Hierarchy that builds them
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
        MapperScan.checkClass(type, table);
        this.annotation = table;
        this.tableName = table.name();
        this.schema = table.schema().isEmpty() ? null : table.schema();
        MethodHandles.Lookup lookup = AttributeFactory.lookup(type);
        this.constructor = AttributeFactory.constructor(type, lookup);
        List<Attribute> attrs = MapperScan.attributes(type, lookup);
        Map<String, Attribute> names = MapperScan.byName(type, attrs);
        this.attributes = List.copyOf(attrs);
        this.primitives =
                attrs.stream().filter(a -> a.primitive).mapToInt(a -> a.index).toArray();
        this.access = RowAccessors.checked(type, lookup, attributes, constructor);
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
        List<RelationshipProperty> rels = new ArrayList<>();
        List<RelationshipProperty> writeOnlyRels = new ArrayList<>(0);
        MapperScan.relationships(this, lookup, rels, writeOnlyRels);
        this.relationships = List.copyOf(rels);
        this.relationshipArray = rels.toArray(new RelationshipProperty[0]);
        this.writeOnly = writeOnlyRels.toArray(new RelationshipProperty[0]);
        this.collections =
                rels.stream().filter(r -> r.collection && !r.writeOnly).toArray(RelationshipProperty[]::new);
        this.collectionAccess = RowAccessors.ofFields(
                type,
                lookup,
                Arrays.stream(collections).map(r -> r.field).toList(),
                RowAccessors.relationshipHandles(collections));
        if (inherits == null) {
            this.table = defineTable(new MetaData());
            layout.width = attrs.size();
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
     * Reads every attribute's stored value.
     *
     * @param instance an object of this class
     * @param into receives attribute {@code i}'s value at index {@code i}
     */
    public void readAll(Object instance, Object[] into) {
        access.read(instance, into);
    }

    /**
     * Reads the fields of every collection relationship ({@link #collections}).
     *
     * @param instance an object of this class
     * @param into receives collection {@code i}'s field at index {@code i}
     */
    public void readCollections(Object instance, Object[] into) {
        collectionAccess.read(instance, into);
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

    /** @return whether every primary key attribute of the object has a value (nothing allocated) */
    public boolean hasKey(Object instance) {
        for (Attribute a : primaryKey) {
            if (a.get(instance) == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Mapper[" + type.getSimpleName() + " -> " + tableName + "]";
    }
}
