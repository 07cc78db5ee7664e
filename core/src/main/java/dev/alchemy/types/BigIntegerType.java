package dev.alchemy.types;

/** BIGINT ↔ {@link Long}. */
public record BigIntegerType() implements SqlType<Long> {

    @Override
    public Class<Long> javaType() {
        return Long.class;
    }

    @Override
    public String sqlName() {
        return "BIGINT";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
