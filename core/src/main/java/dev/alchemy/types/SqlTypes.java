package dev.alchemy.types;

import java.util.Objects;

/**
 * The standard SQL types, like SQLAlchemy's {@code Integer}, {@code String(50)}, {@code Numeric(10, 2)}.
 *
 * <pre>{@code
 * import static dev.alchemy.types.SqlTypes.*;
 *
 * Column<String> name = Column.of("name", string(50)).notNull();
 * Column<Integer> id = Column.of("id", INTEGER).primaryKey();
 * }</pre>
 */
public final class SqlTypes {

    /** INTEGER ↔ {@link Integer}. */
    public static final IntegerType INTEGER = new IntegerType();

    /** BIGINT ↔ {@link Long}. */
    public static final BigIntegerType BIGINT = new BigIntegerType();

    /** VARCHAR without a length ↔ {@link String}. */
    public static final StringType VARCHAR = new StringType(null);

    /** TEXT ↔ {@link String}. */
    public static final TextType TEXT = new TextType();

    /** BOOLEAN ↔ {@link Boolean}; stored as 0/1 on SQLite. */
    public static final BooleanType BOOLEAN = new BooleanType();

    private SqlTypes() {}

    /**
     * VARCHAR(length) ↔ {@link String}, like {@code String(50)}.
     *
     * @param length the maximum length in characters
     * @return the type
     */
    public static StringType string(int length) {
        return new StringType(length);
    }

    /**
     * The SQL type SQLAlchemy would choose for a Java class, or null when there is no standard one.
     *
     * @param javaType a Java class
     * @return the type
     */
    public static SqlType<?> forJavaType(Class<?> javaType) {
        Objects.requireNonNull(javaType, "javaType");
        Class<?> t = javaType;
        if (t == Integer.class || t == int.class) return INTEGER;
        if (t == Long.class || t == long.class) return BIGINT;
        if (t == String.class) return VARCHAR;
        if (t == Boolean.class || t == boolean.class) return BOOLEAN;
        throw new dev.alchemy.exc.ArgumentError("no standard SQL type for " + javaType.getName());
    }
}
