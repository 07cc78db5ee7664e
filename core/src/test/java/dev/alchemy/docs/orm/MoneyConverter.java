package dev.alchemy.docs.orm;

// Stores {@link Money} as its cents, a BIGINT.
// tag::converter[]
import dev.alchemy.orm.AttributeConverter;

public final class MoneyConverter implements AttributeConverter<Money, Long> {
    @Override
    public Class<Long> databaseType() {
        return Long.class; // chooses the SQL type: BIGINT
    }

    @Override
    public Long toDatabase(Money value) {
        return value.cents();
    }

    @Override
    public Money fromDatabase(Long value) {
        return new Money(value);
    }
}
// end::converter[]
