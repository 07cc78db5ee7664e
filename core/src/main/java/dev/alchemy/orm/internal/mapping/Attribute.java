package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.AttributeConverter;
import dev.alchemy.types.SqlType;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One mapped field: its column, its SQL type, and method handles to read and write it, resolved once per class.
 */
public final class Attribute {

    /**
     * A stored value that matches no value, not even itself compared with another: what a snapshot holds where the
     * row of a re-attached object was not found (see the session's re-attachment).
     */
    public static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "<unknown>";
        }
    };

    public final String name;
    public final String columnName;
    public final Class<?> fieldType;
    public final SqlType<?> sqlType;
    public final @Nullable AttributeConverter<Object, Object> converter;
    private final MethodHandle getter;
    private final MethodHandle setter;
    public final boolean primaryKey;
    public final boolean version;
    public final boolean primitive;
    public final String owner;
    public int index;
    /** How the generated {@link RowAccess} reaches this attribute. */
    RowAccessors.@Nullable Plan plan;
    /** The referred {@code table.column} when the column has a foreign key. */
    @Nullable
    public String foreignKeyTarget;

    public Attribute(
            String owner,
            String name,
            String columnName,
            Class<?> fieldType,
            SqlType<?> sqlType,
            @Nullable AttributeConverter<Object, Object> converter,
            MethodHandle getter,
            MethodHandle setter,
            boolean primaryKey,
            boolean version) {
        this.owner = owner;
        this.name = name;
        this.columnName = columnName;
        this.fieldType = fieldType;
        this.sqlType = sqlType;
        this.converter = converter;
        this.getter = getter;
        this.setter = setter;
        this.primaryKey = primaryKey;
        this.version = version;
        this.primitive = fieldType.isPrimitive();
    }

    /** @return the field's name */
    public String name() {
        return name;
    }

    /** @return the column's name */
    public String columnName() {
        return columnName;
    }

    /** @return the SQL type of the stored value */
    public SqlType<?> sqlType() {
        return sqlType;
    }

    /**
     * @param instance an object of the mapped class
     * @return the field's value (a converted attribute's column type converts it when it binds)
     */
    public @Nullable Object get(Object instance) {
        return getRaw(instance);
    }

    /**
     * @param fieldValue a value of the field's type
     * @return the value as stored
     */
    public @Nullable Object toStored(@Nullable Object fieldValue) {
        return fieldValue; // a converted attribute's column type converts when it binds
    }

    /**
     * Whether two values of this attribute are the same for the database: compared as stored when the attribute
     * has a converter, so a field type without {@code equals} does not look changed after every load.
     */
    public boolean sameValue(@Nullable Object a, @Nullable Object b) {
        if (a == UNKNOWN || b == UNKNOWN) {
            return a == b;
        }
        if (converter != null && a != null && b != null) {
            return same(converter.toDatabase(a), converter.toDatabase(b));
        }
        return same(a, b);
    }

    @Nullable
    public Object getRaw(Object instance) {
        try {
            return getter.invokeExact(instance);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingError("could not read " + owner + "." + name + ": " + e, e);
        }
    }

    /**
     * @param instance an object of the mapped class
     * @param stored the value as read (a converted attribute's column type has already converted it back)
     */
    public void set(Object instance, @Nullable Object stored) {
        Object value = stored;
        if (value == null && primitive) {
            throw new ArgumentError("column '" + columnName + "' is NULL but " + owner + "." + name + " is a primitive "
                    + fieldType.getName() + "; use its wrapper type for a nullable column");
        }
        try {
            setter.invokeExact(instance, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingError("could not set " + owner + "." + name + ": " + e, e);
        }
    }

    public void setRaw(Object instance, @Nullable Object value) {
        try {
            setter.invokeExact(instance, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingError("could not set " + owner + "." + name + ": " + e, e);
        }
    }

    public static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a == b) {
            return true; // the common case: an untouched field still holds the loaded value itself
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    @Override
    public String toString() {
        return owner + "." + name;
    }
}
