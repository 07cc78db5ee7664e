package dev.alchemy.types;

import dev.alchemy.exc.ArgumentError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The standard SQL types, like SQLAlchemy's {@code Integer}, {@code String(50)}, {@code Numeric(10, 2)}, and
 * {@link #forJavaType(Class)}, the type SQLAlchemy would choose for a Java class.
 *
 * <pre>{@code
 * import static dev.alchemy.types.SqlTypes.*;
 *
 * Column<Integer> id = Column.of("id", INTEGER).primaryKey();
 * Column<String> name = Column.of("name", string(50)).notNull();
 * Column<BigDecimal> price = Column.of("price", numeric(10, 2));
 * Column<LocalDateTime> created = Column.of("created", DATETIME);
 * }</pre>
 */
public final class SqlTypes {

    /** INTEGER ↔ {@link Integer}. */
    public static final IntegerType INTEGER = new IntegerType();

    /** BIGINT ↔ {@link Long}. */
    public static final BigIntegerType BIGINT = new BigIntegerType();

    /** SMALLINT ↔ {@link Short}. */
    public static final SmallIntegerType SMALLINT = new SmallIntegerType();

    /** VARCHAR without a length ↔ {@link String}. */
    public static final StringType VARCHAR = new StringType(null);

    /** TEXT ↔ {@link String}. */
    public static final TextType TEXT = new TextType();

    /** BOOLEAN ↔ {@link Boolean}; stored as 0/1 on SQLite. */
    public static final BooleanType BOOLEAN = new BooleanType();

    /** FLOAT ↔ {@link Double}, like SQLAlchemy's {@code Float}. */
    public static final FloatType<Double> FLOAT = new FloatType<>(Double.class, null);

    /** DOUBLE ↔ {@link Double} ({@code DOUBLE PRECISION} on PostgreSQL), like SQLAlchemy 2.0's {@code Double}. */
    public static final DoubleType DOUBLE = new DoubleType();

    /** NUMERIC without precision ↔ {@link BigDecimal}. */
    public static final NumericType NUMERIC = new NumericType(null, null);

    /** DATE ↔ {@link LocalDate}. */
    public static final DateType DATE = new DateType();

    /** DATETIME without a time zone ↔ {@link LocalDateTime}. */
    public static final DateTimeType<LocalDateTime> DATETIME = new DateTimeType<>(LocalDateTime.class, false);

    /** DATETIME with a time zone ↔ {@link OffsetDateTime} (also binds {@link Instant}); reads back in UTC. */
    public static final DateTimeType<OffsetDateTime> DATETIME_TZ = new DateTimeType<>(OffsetDateTime.class, true);

    /** DATETIME with a time zone ↔ {@link Instant}, the same storage as {@link #DATETIME_TZ}. */
    public static final DateTimeType<Instant> DATETIME_TZ_INSTANT = new DateTimeType<>(Instant.class, true);

    /** TIME ↔ {@link LocalTime}. */
    public static final TimeType TIME = new TimeType();

    /** BLOB / BYTEA ↔ {@code byte[]}. */
    public static final LargeBinaryType LARGE_BINARY = new LargeBinaryType(null);

    /** JSON ↔ a {@link String} holding JSON text; see {@link JsonType}. */
    public static final JsonType JSON = new JsonType();

    /** UUID ↔ {@link java.util.UUID}: 32 hex digits on SQLite, native on PostgreSQL. */
    public static final UuidType UUID = new UuidType();

    private static final String SUPPORTED = "Integer/int, Long/long, Short/short, String, Boolean/boolean, "
            + "Double/double, Float/float, BigDecimal, LocalDate, LocalDateTime, OffsetDateTime, Instant, LocalTime, "
            + "byte[], UUID and enums";

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
     * NUMERIC(precision) ↔ {@link BigDecimal}.
     *
     * @param precision the total number of digits
     * @return the type
     */
    public static NumericType numeric(int precision) {
        return new NumericType(precision, null);
    }

    /**
     * NUMERIC(precision, scale) ↔ {@link BigDecimal}, like {@code Numeric(10, 2)}; values read back have the scale.
     *
     * @param precision the total number of digits
     * @param scale the digits after the decimal point
     * @return the type
     */
    public static NumericType numeric(int precision, int scale) {
        return new NumericType(precision, scale);
    }

    /**
     * FLOAT(precision) ↔ {@link Double}; PostgreSQL renders the binary precision ({@code FLOAT(53)}), SQLite does
     * not, as in SQLAlchemy.
     *
     * @param precision the binary precision
     * @return the type
     */
    public static FloatType<Double> floatType(int precision) {
        return new FloatType<>(Double.class, precision);
    }

    /**
     * A binary type with a length, like {@code LargeBinary(100)}; the length is not rendered on SQLite or
     * PostgreSQL.
     *
     * @param length the maximum length in bytes
     * @return the type
     */
    public static LargeBinaryType largeBinary(int length) {
        return new LargeBinaryType(length);
    }

    /**
     * An enum stored by constant name in {@code VARCHAR(n)}, n the longest constant name, like SQLAlchemy's
     * {@code Enum(PythonEnum)}.
     *
     * @param enumClass the enum class
     * @param <E> the enum
     * @return the type
     */
    public static <E extends Enum<E>> EnumType<E> enumOf(Class<E> enumClass) {
        return EnumType.of(enumClass);
    }

    /**
     * An enum stored by constant name in {@code VARCHAR(length)}, like {@code Enum(PythonEnum, length=20)}, leaving
     * room for longer constants later.
     *
     * @param enumClass the enum class
     * @param length the VARCHAR length, at least the longest constant name
     * @param <E> the enum
     * @return the type
     */
    public static <E extends Enum<E>> EnumType<E> enumOf(Class<E> enumClass, int length) {
        return new EnumType<>(enumClass, length);
    }

    /**
     * A user type stored as another type, like SQLAlchemy's {@code TypeDecorator}. Null is never passed to the
     * functions: it is stored as SQL NULL and read back as null.
     *
     * <pre>{@code
     * SqlType<Path> path = SqlTypes.converted(VARCHAR, Path.class, Path::toString, Path::of);
     * }</pre>
     *
     * @param storedType the type values are stored as
     * @param javaType the Java class callers use
     * @param toDatabase converts a non-null value for storage
     * @param fromDatabase converts a non-null stored value back
     * @param <T> the Java type callers use
     * @param <S> the Java type of the stored type
     * @return the type
     */
    public static <T, S> ConvertedType<T, S> converted(
            SqlType<S> storedType,
            Class<T> javaType,
            Function<? super T, ? extends @Nullable S> toDatabase,
            Function<? super S, ? extends @Nullable T> fromDatabase) {
        return new ConvertedType<>(storedType, javaType, toDatabase, fromDatabase);
    }

    /**
     * A user type stored through a {@link Converter}.
     *
     * @param converter the converter
     * @param <T> the Java type callers use
     * @param <S> the Java type of the stored type
     * @return the type
     */
    public static <T, S> ConvertedType<T, S> converted(Converter<T, S> converter) {
        Objects.requireNonNull(converter, "converter");
        return new ConvertedType<>(
                converter.storedType(), converter.javaType(), converter::toDatabase, converter::fromDatabase);
    }

    /**
     * JSON holding objects through a codec of your choice (the core ships no JSON library), e.g. with Jackson:
     *
     * <pre>{@code
     * ObjectMapper mapper = new ObjectMapper();
     * SqlType<Settings> settings = SqlTypes.json(Settings.class,
     *         s -> mapper.writeValueAsString(s), text -> mapper.readValue(text, Settings.class));
     * }</pre>
     *
     * (Jackson's methods throw checked exceptions: wrap them in your lambdas.)
     *
     * @param javaType the Java class callers use
     * @param toJson writes a non-null value as JSON text
     * @param fromJson reads non-null JSON text
     * @param <T> the Java type callers use
     * @return the type, stored as {@link #JSON}
     */
    public static <T> ConvertedType<T, String> json(
            Class<T> javaType, Function<? super T, String> toJson, Function<String, ? extends T> fromJson) {
        return new ConvertedType<>(JSON, javaType, toJson, fromJson);
    }

    /**
     * The SQL type SQLAlchemy would choose for a Java class: {@code Integer}/{@code int} → {@link #INTEGER},
     * {@code Long} → {@link #BIGINT}, {@code Short} → {@link #SMALLINT}, {@code String} → {@link #VARCHAR},
     * {@code Boolean} → {@link #BOOLEAN}, {@code Double} → {@link #FLOAT}, {@code Float} → FLOAT holding
     * {@code Float}, {@code BigDecimal} → {@link #NUMERIC}, {@code LocalDate} → {@link #DATE}, {@code LocalDateTime}
     * → {@link #DATETIME}, {@code OffsetDateTime} → {@link #DATETIME_TZ}, {@code Instant} →
     * {@link #DATETIME_TZ_INSTANT}, {@code LocalTime} → {@link #TIME}, {@code byte[]} → {@link #LARGE_BINARY},
     * {@code UUID} → {@link #UUID}, an enum → {@link #enumOf(Class)}. A primitive class gives the type of its
     * wrapper.
     *
     * @param javaType a Java class
     * @param <T> the class
     * @return the type
     * @throws ArgumentError for any other class, naming it and the supported ones
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> SqlType<T> forJavaType(Class<T> javaType) {
        Objects.requireNonNull(javaType, "javaType");
        Class<?> t = javaType;
        SqlType<?> type;
        if (t == Integer.class || t == int.class) type = INTEGER;
        else if (t == Long.class || t == long.class) type = BIGINT;
        else if (t == String.class) type = VARCHAR;
        else if (t == Boolean.class || t == boolean.class) type = BOOLEAN;
        else if (t == Short.class || t == short.class) type = SMALLINT;
        else if (t == Double.class || t == double.class) type = FLOAT;
        else if (t == Float.class || t == float.class) type = new FloatType<>(Float.class, null);
        else if (t == BigDecimal.class) type = NUMERIC;
        else if (t == LocalDate.class) type = DATE;
        else if (t == LocalDateTime.class) type = DATETIME;
        else if (t == OffsetDateTime.class) type = DATETIME_TZ;
        else if (t == Instant.class) type = DATETIME_TZ_INSTANT;
        else if (t == LocalTime.class) type = TIME;
        else if (t == byte[].class) type = LARGE_BINARY;
        else if (t == java.util.UUID.class) type = UUID;
        else if (Enum.class.isAssignableFrom(t) && t != Enum.class) {
            // a constant with a body is an anonymous subclass of its enum
            type = EnumType.of((Class) (t.isEnum() ? t : t.getSuperclass()));
        } else {
            throw new ArgumentError("no standard SQL type for " + javaType.getName() + "; supported are " + SUPPORTED
                    + ", or give the column a type, e.g. SqlTypes.converted(...) for your own");
        }
        return (SqlType<T>) type;
    }
}
