package dev.alchemy.types;

import org.jspecify.annotations.Nullable;

/**
 * Converts a Java type to and from a stored type, like SQLAlchemy's {@code TypeDecorator}. Implement it with a
 * public no-argument constructor to name it from a mapping annotation, or pass it to
 * {@link SqlTypes#converted(Converter)}.
 *
 * <pre>{@code
 * public final class MoneyConverter implements Converter<Money, Long> {
 *     public SqlType<Long> storedType() { return SqlTypes.BIGINT; }
 *     public Class<Money> javaType() { return Money.class; }
 *     public Long toDatabase(Money value) { return value.cents(); }
 *     public Money fromDatabase(Long value) { return new Money(value); }
 * }
 * }</pre>
 *
 * <p>Null never reaches the methods: SQL NULL and Java null map to each other unconverted.
 *
 * @param <T> the Java type callers use
 * @param <S> the Java type of the stored SQL type
 */
public interface Converter<T, S> {

    /** @return the SQL type values are stored as */
    SqlType<S> storedType();

    /** @return the Java class callers use */
    Class<T> javaType();

    /**
     * Converts a value for storage.
     *
     * @param value a non-null value
     * @return the stored value
     */
    @Nullable
    S toDatabase(T value);

    /**
     * Converts a stored value back.
     *
     * @param value a non-null stored value
     * @return the value
     */
    @Nullable
    T fromDatabase(S value);
}
