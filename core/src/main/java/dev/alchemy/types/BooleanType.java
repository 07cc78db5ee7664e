package dev.alchemy.types;

/** BOOLEAN ↔ {@link Boolean}. */
public record BooleanType() implements SqlType<Boolean> {

    @Override
    public Class<Boolean> javaType() {
        return Boolean.class;
    }

    @Override
    public String sqlName() {
        return "BOOLEAN";
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
