package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.Relationship;
import dev.alchemy.schema.Column;
import dev.alchemy.schema.ForeignKey;
import dev.alchemy.schema.MetaData;
import dev.alchemy.schema.Table;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One {@code @Relationship} field. Its join (which foreign key, which direction) is resolved on first use, because
 * the other class's mapper may not exist yet while this one is being built.
 */
public final class RelationshipProperty {

    /** The shape of a relationship. */
    public enum Kind {
        /** A collection; the other class has the foreign key. */
        ONE_TO_MANY,
        /** A reference; this class has the foreign key. */
        MANY_TO_ONE,
        /** A reference; the other class has the foreign key. */
        ONE_TO_ONE,
        /** A collection through an association table. */
        MANY_TO_MANY
    }

    public final Mapper<?> owner;
    /** This relationship's position among its owner's relationships. */
    public final int ordinal;

    public final String name;
    public final Class<?> targetType;
    public final boolean collection;
    /**
     * A {@link dev.alchemy.orm.WriteOnlyCollection}: never loaded, changed through its add/remove, read with its
     * select(). Kept apart from the owner's other relationships ({@link Mapper#writeOnly}).
     */
    public final boolean writeOnly;

    public final boolean isSet;
    public final String backPopulates;
    public final boolean saveUpdate;
    public final boolean merge;
    public final boolean delete;
    public final boolean deleteOrphan;
    public final boolean passiveDeletes;
    /** SQLAlchemy's post_update: the foreign key is written by an UPDATE after the rows exist. */
    public final boolean postUpdate;

    public final String[] orderBy;
    public final Loading loading;
    private final String foreignKeyHint;
    private final String secondaryName;
    private final String joinColumnName;
    private final String inverseColumnName;
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** The model's field that holds the relationship. */
    public final Field field;

    private volatile boolean resolved;
    public Kind kind;
    public Mapper<?> target;
    /** MANY_TO_ONE: this class's foreign key attribute; ONE_TO_MANY/ONE_TO_ONE: the target's. */
    public Attribute foreignKey;
    /** The primary key the foreign key refers to (the target's for MANY_TO_ONE, this class's otherwise). */
    public Attribute referredKey;

    @Nullable
    public String secondary;

    @Nullable
    public String joinColumn;

    @Nullable
    public String inverseColumn;

    @Nullable
    public RelationshipProperty back;

    /** @return a many-to-many relationship's association table name */
    public String secondary() {
        return manyToMany(secondary, "association table");
    }

    /** @return a many-to-many relationship's association table column referring to the owner */
    public String joinColumn() {
        return manyToMany(joinColumn, "join column");
    }

    /** @return a many-to-many relationship's association table column referring to the target */
    public String inverseColumn() {
        return manyToMany(inverseColumn, "inverse column");
    }

    private String manyToMany(@Nullable String value, String what) {
        resolve();
        if (value == null) {
            throw new dev.alchemy.exc.InvalidRequestError(
                    owner.type.getSimpleName() + "." + name + " is not a many-to-many relationship: it has no " + what);
        }
        return value;
    }

    @SuppressWarnings("NullAway.Init") // kind, target and keys are set by resolve(), once every class is mapped
    public RelationshipProperty(
            Mapper<?> owner, int ordinal, Field field, Relationship spec, MethodHandles.Lookup lookup) {
        this.ordinal = ordinal;
        this.owner = owner;
        this.field = field;
        this.name = field.getName();
        String where = owner.type.getSimpleName() + "." + name;
        Class<?> type = field.getType();
        if (java.lang.reflect.Modifier.isFinal(field.getModifiers())) {
            throw new MappingError(where + " is final; the session puts its tracked "
                    + (Collection.class.isAssignableFrom(type) ? "collection" : "reference")
                    + " there when it loads or adds the object, so a relationship field must be assignable: "
                    + "drop 'final' (an initializer such as '= new ArrayList<>()' is fine)");
        }
        this.writeOnly = type == dev.alchemy.orm.WriteOnlyCollection.class;
        this.collection = writeOnly || Collection.class.isAssignableFrom(type);
        if (writeOnly) {
            this.isSet = false;
            this.targetType = elementType(field, where);
        } else if (collection) {
            if (type != List.class && type != Set.class && type != Collection.class) {
                throw new MappingError(
                        where + ": a collection relationship must be declared as List, Set or Collection, not "
                                + type.getName());
            }
            this.isSet = type == Set.class;
            this.targetType = elementType(field, where);
        } else {
            this.isSet = false;
            this.targetType = type;
        }
        if (!Mapper.isMapped(targetType)) {
            throw new MappingError(
                    where + ": the related class " + targetType.getName() + " is not mapped (no @Table)");
        }
        this.backPopulates = spec.backPopulates();
        Set<String> cascade = parseCascade(spec.cascade(), where);
        this.saveUpdate = cascade.contains("save-update");
        this.merge = cascade.contains("merge");
        this.delete = cascade.contains("delete");
        this.deleteOrphan = cascade.contains("delete-orphan");
        this.passiveDeletes = spec.passiveDeletes();
        this.postUpdate = spec.postUpdate();
        this.orderBy = spec.orderBy();
        this.loading = spec.loading();
        this.foreignKeyHint = spec.foreignKey();
        this.secondaryName = spec.secondary();
        this.joinColumnName = spec.joinColumn();
        this.inverseColumnName = spec.inverseJoinColumn();
        if (postUpdate && !secondaryName.isEmpty()) {
            throw new MappingError(where + ": postUpdate applies to relationships with a foreign key column, not to a "
                    + "many-to-many association table");
        }
        if (writeOnly && !secondaryName.isEmpty()) {
            throw new MappingError(where + ": a WriteOnlyCollection is one-to-many (the other class has the foreign "
                    + "key); many-to-many write-only collections are not supported yet");
        }
        if (writeOnly && spec.loading() != Loading.DEFAULT) {
            throw new MappingError(where + ": a WriteOnlyCollection is never loaded, so it takes no loading; read it "
                    + "with " + name + ".select()");
        }
        if (writeOnly && delete && !passiveDeletes) {
            throw new MappingError(where + ": a WriteOnlyCollection is never loaded, so deleting its owner cannot "
                    + "visit the children one by one: with cascade delete, set passiveDeletes = true and give the "
                    + "foreign key ON DELETE CASCADE, as SQLAlchemy recommends for write-only collections");
        }
        if (deleteOrphan && !collection) {
            throw new MappingError(where + ": delete-orphan applies to collections");
        }
        try {
            this.getter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
            this.setter =
                    lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new MappingError("cannot access " + where + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> elementType(Field field, String where) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new MappingError(where + ": declare the element type, e.g. List<Address>");
    }

    private static Set<String> parseCascade(String text, String where) {
        Set<String> result = new java.util.HashSet<>();
        for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
            String p = part.strip();
            switch (p) {
                case "" -> {}
                case "all" -> result.addAll(List.of("save-update", "merge", "delete"));
                case "save-update", "merge", "delete", "delete-orphan" -> result.add(p);
                default ->
                    throw new MappingError(where + ": unknown cascade '" + p
                            + "'; use save-update, merge, delete, delete-orphan or all");
            }
        }
        return result;
    }

    /** Finds the foreign key and direction, once. */
    public RelationshipProperty resolve() {
        if (resolved) {
            return this;
        }
        synchronized (this) {
            if (resolved) {
                return this;
            }
            String where = owner.type.getSimpleName() + "." + name;
            Mapper<?> other = Mapper.of(targetType);
            this.target = other;
            if (!secondaryName.isEmpty()) {
                if (!collection) {
                    throw new MappingError(where + ": a many-to-many relationship (secondary) must be a collection");
                }
                kind = Kind.MANY_TO_MANY;
                secondary = secondaryName;
                joinColumn = joinColumnName.isEmpty()
                        ? AttributeFactory.snakeCase(owner.type.getSimpleName()) + "_id"
                        : joinColumnName;
                inverseColumn = inverseColumnName.isEmpty()
                        ? AttributeFactory.snakeCase(other.type.getSimpleName()) + "_id"
                        : inverseColumnName;
                if (joinColumn.equals(inverseColumn)) {
                    throw new MappingError(where + ": the association table's two columns are both named '" + joinColumn
                            + "'; set joinColumn and inverseJoinColumn");
                }
                referredKey = singlePrimaryKey(owner, where);
                foreignKey = singlePrimaryKey(other, where);
            } else {
                Attribute local =
                        collection ? null : foreignKeyTo(owner, other.table.fullName(), foreignKeyHint, where);
                if (local != null) {
                    kind = Kind.MANY_TO_ONE;
                    foreignKey = local;
                    referredKey = singlePrimaryKey(other, where);
                } else {
                    Attribute remote = foreignKeyTo(other, owner.table.fullName(), foreignKeyHint, where);
                    if (remote == null) {
                        throw new MappingError(where + ": no foreign key joins " + owner.table.fullName() + " and "
                                + other.table.fullName() + "; add @ForeignKey(\"" + owner.table.fullName()
                                + ".id\") to a column of "
                                + other.type.getSimpleName()
                                + (collection ? "" : " or of " + owner.type.getSimpleName()));
                    }
                    kind = collection ? Kind.ONE_TO_MANY : Kind.ONE_TO_ONE;
                    foreignKey = remote;
                    referredKey = singlePrimaryKey(owner, where);
                }
            }
            if (!backPopulates.isEmpty()) {
                RelationshipProperty b = other.relationship(backPopulates);
                if (!b.targetType.isAssignableFrom(owner.type)) { // a subclass inherits the relationship
                    throw new MappingError(where + ": backPopulates '" + backPopulates + "' on "
                            + other.type.getSimpleName() + " refers to " + b.targetType.getSimpleName() + ", not "
                            + owner.type.getSimpleName());
                }
                back = b;
            }
            resolved = true;
            return this;
        }
    }

    /**
     * Defines the association table of a many-to-many relationship in a MetaData, if it is not there yet.
     *
     * @param metadata the Base's MetaData
     */
    public void defineSecondary(MetaData metadata) {
        resolve();
        if (kind != Kind.MANY_TO_MANY || metadata.table(secondary()) != null) {
            return;
        }
        Table.of(
                secondary(),
                metadata,
                Column.of(joinColumn(), referredKey.sqlType)
                        .primaryKey()
                        .autoincrement(false)
                        .references(ForeignKey.to(owner.table.fullName() + "." + referredKey.columnName)
                                .onDelete("CASCADE")),
                Column.of(inverseColumn(), foreignKey.sqlType)
                        .primaryKey()
                        .autoincrement(false)
                        .references(ForeignKey.to(target.table.fullName() + "." + foreignKey.columnName)
                                .onDelete("CASCADE")));
    }

    /** The association table, in a MetaData of its own, for statements. */
    private volatile @Nullable Table secondaryTable;

    public Table secondaryTable() {
        Table t = secondaryTable;
        if (t == null) {
            MetaData md = new MetaData();
            defineSecondary(md);
            t = Objects.requireNonNull(md.table(secondary()));
            secondaryTable = t;
        }
        return t;
    }

    @Nullable
    public Object get(Object instance) {
        try {
            return getter.invokeExact(instance);
        } catch (Throwable e) {
            throw new MappingError("could not read " + this + ": " + e, e);
        }
    }

    public void set(Object instance, @Nullable Object value) {
        try {
            setter.invokeExact(instance, value);
        } catch (Throwable e) {
            throw new MappingError("could not set " + this + ": " + e, e);
        }
    }

    /** @return the relationship's name */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return owner.type.getSimpleName() + "." + name;
    }

    /**
     * The attribute whose column has a foreign key to a table, the only one, or the one named.
     *
     * @param mapper the class holding the foreign key
     * @param table the referred table's name
     * @param hint a column or field name to choose among several, or empty
     * @return the attribute, or null when there is none
     * @throws MappingError when there are several and no hint
     */
    @Nullable
    private static Attribute foreignKeyTo(Mapper<?> mapper, String table, String hint, String relationship) {
        List<Attribute> found = new ArrayList<>();
        for (Attribute a : mapper.attributes) {
            String target = a.foreignKeyTarget;
            if (target != null
                    && target.substring(0, target.lastIndexOf('.')).equals(table)
                    && (hint.isEmpty() || hint.equals(a.name) || hint.equals(a.columnName))) {
                found.add(a);
            }
        }
        if (found.size() > 1) {
            throw new MappingError(relationship + ": " + mapper.type.getSimpleName() + " has several foreign keys to '"
                    + table + "' " + found + "; name the one to use with @Relationship(foreignKey = \"...\")");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** @return the single primary key attribute */
    private static Attribute singlePrimaryKey(Mapper<?> mapper, String relationship) {
        if (mapper.primaryKey.length != 1) {
            throw new MappingError(relationship + ": relationships need a single-column primary key on "
                    + mapper.type.getSimpleName());
        }
        return mapper.primaryKey[0];
    }
}
