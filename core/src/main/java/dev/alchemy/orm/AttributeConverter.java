package dev.alchemy.orm;

/**
 * Converts a field's value to a value a standard SQL type stores, and back. Null stays null and is never passed in.
 *
 * <pre>{@code
 * public final class MoneyConverter implements AttributeConverter<Money, BigDecimal> {
 *     public Class<BigDecimal> databaseType() { return BigDecimal.class; }
 *     public BigDecimal toDatabase(Money m) { return m.amount(); }
 *     public Money fromDatabase(BigDecimal d) { return new Money(d); }
 * }
 * }</pre>
 *
 * @param <A> the field's type
 * @param <D> the stored type: one Alchemy maps to a SQL type (String, Long, BigDecimal, ...)
 */
public interface AttributeConverter<A, D> {

    /** @return the stored type's class, which chooses the SQL type */
    Class<D> databaseType();

    /**
     * @param value the field's value, never null
     * @return the value to store
     */
    D toDatabase(A value);

    /**
     * @param value the stored value, never null
     * @return the field's value
     */
    A fromDatabase(D value);
}
