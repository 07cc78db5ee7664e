package dev.alchemy.orm.internal.mapping;

import dev.alchemy.exc.ArgumentError;
import dev.alchemy.exc.MappingError;
import dev.alchemy.orm.AttributeConverter;
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Convert;
import dev.alchemy.orm.Version;
import dev.alchemy.types.SqlType;
import dev.alchemy.types.SqlTypes;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Builds the {@link Attribute}s of a mapped class from its {@code @Column} fields: the SQL type (with the column's
 * length or precision, through a converter where {@code @Convert} names one), the column name, and the method handles
 * that read and write the field (through its getter and setter when the class has them).
 */
final class AttributeFactory {

    private AttributeFactory() {}

    static MethodHandles.Lookup lookup(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new MappingError(
                    "cannot access " + type.getName() + ": open its package to dev.alchemy.core (" + e.getMessage()
                            + ")",
                    e);
        }
    }

    static MethodHandle constructor(Class<?> type, MethodHandles.Lookup lookup) {
        try {
            return lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingError(
                    type.getName()
                            + " needs a no-argument constructor (any visibility) so the session can create instances when loading rows",
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    static Attribute attribute(Class<?> owner, Field field, Column column, MethodHandles.Lookup lookup) {
        String where = owner.getSimpleName() + "." + field.getName();
        if (Modifier.isFinal(field.getModifiers())) {
            throw new MappingError(where + " is final; mapped fields must be assignable");
        }
        AttributeConverter<Object, Object> converter = null;
        Convert convert = field.getAnnotation(Convert.class);
        Class<?> stored = field.getType();
        if (convert != null) {
            try {
                var ctor = convert.value().getDeclaredConstructor();
                ctor.setAccessible(true);
                converter = ctor.newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new MappingError(
                        where + ": cannot create converter " + convert.value().getName()
                                + " (it needs a no-argument constructor)",
                        e);
            }
            stored = converter.databaseType();
        }
        if (column.text() && stored != String.class) {
            throw new MappingError(where + ": @Column(text = true) stores a String, not " + stored.getName());
        }
        if (column.text() && column.length() > 0) {
            throw new MappingError(where + ": @Column(text = true) is text of any length; leave out length = "
                    + column.length() + ", or drop text = true for a VARCHAR(" + column.length() + ")");
        }
        SqlType<?> sqlType;
        try {
            sqlType = sqlType(stored, column);
        } catch (ArgumentError e) {
            throw new MappingError(
                    where + " has an unsupported type " + stored.getName() + ": " + e.getMessage()
                            + " (use @Convert with an AttributeConverter, or @Transient to leave it unmapped)",
                    e);
        }
        if (converter != null) {
            // the column's type converts, so conditions built on it (where(Product::getPrice).eq(price)) convert too
            AttributeConverter<Object, Object> c = converter;
            @SuppressWarnings({"unchecked", "rawtypes"})
            SqlType<?> converted = SqlTypes.converted(
                    (SqlType) sqlType,
                    (Class) dev.alchemy.engine.Conversions.boxed(field.getType()),
                    c::toDatabase,
                    c::fromDatabase);
            sqlType = converted;
        }
        String columnName = column.name().isEmpty() ? snakeCase(field.getName()) : column.name();
        MethodHandle getter;
        MethodHandle setter;
        java.lang.reflect.Member reader = accessorMember(field, true);
        java.lang.reflect.Member writer = accessorMember(field, false);
        try {
            getter = accessor(reader, lookup, true);
            setter = accessor(writer, lookup, false);
        } catch (IllegalAccessException e) {
            throw new MappingError("cannot access " + where + ": " + e.getMessage(), e);
        }
        boolean version = field.isAnnotationPresent(Version.class);
        if (version) {
            Class<?> b = dev.alchemy.engine.Conversions.boxed(field.getType());
            if (b != Integer.class && b != Long.class) {
                throw new MappingError(where + ": a @Version field must be Integer or Long, not "
                        + field.getType().getName());
            }
        }
        Attribute attribute = new Attribute(
                owner.getSimpleName(),
                field.getName(),
                columnName,
                field.getType(),
                sqlType,
                converter,
                getter,
                setter,
                column.primaryKey(),
                version);
        attribute.plan = new RowAccessors.Plan(reader, writer, field.getType());
        return attribute;
    }

    private static SqlType<?> sqlType(Class<?> stored, Column column) {
        if (column.text()) {
            return SqlTypes.TEXT; // checked by the caller
        }
        if (stored == String.class && column.length() > 0) {
            return SqlTypes.string(column.length());
        }
        if (stored == java.math.BigDecimal.class && column.precision() > 0) {
            return numeric(column.precision(), column.scale());
        }
        return SqlTypes.forJavaType(stored);
    }

    private static SqlType<?> numeric(int precision, int scale) {
        try {
            return (SqlType<?>)
                    SqlTypes.class.getMethod("numeric", int.class, int.class).invoke(null, precision, scale);
        } catch (ReflectiveOperationException e) {
            return SqlTypes.forJavaType(java.math.BigDecimal.class);
        }
    }

    /** Prefers a getter/setter pair (getName/isName, setName); otherwise the field itself, whatever its visibility. */
    private static java.lang.reflect.Member accessorMember(Field field, boolean read) {
        String suffix = Character.toUpperCase(field.getName().charAt(0))
                + field.getName().substring(1);
        Method method = null;
        try {
            if (read) {
                try {
                    method = field.getDeclaringClass().getDeclaredMethod("get" + suffix);
                } catch (NoSuchMethodException e) {
                    if (field.getType() == boolean.class || field.getType() == Boolean.class) {
                        method = field.getDeclaringClass().getDeclaredMethod("is" + suffix);
                    }
                }
                if (method != null && method.getReturnType() != field.getType()) {
                    method = null;
                }
            } else {
                method = field.getDeclaringClass().getDeclaredMethod("set" + suffix, field.getType());
            }
        } catch (NoSuchMethodException e) {
            method = null;
        }
        return method != null && !Modifier.isStatic(method.getModifiers()) ? method : field;
    }

    private static MethodHandle accessor(java.lang.reflect.Member member, MethodHandles.Lookup lookup, boolean read)
            throws IllegalAccessException {
        MethodHandle handle;
        if (member instanceof Method method) {
            handle = lookup.unreflect(method);
        } else {
            Field field = (Field) member;
            handle = read ? lookup.unreflectGetter(field) : lookup.unreflectSetter(field);
        }
        return read
                ? handle.asType(MethodType.methodType(Object.class, Object.class))
                : handle.asType(MethodType.methodType(void.class, Object.class, Object.class));
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
}
